// Verifies a Policy Press public log with Go's own implementation of signed
// notes and transparency logs (golang.org/x/mod/sumdb/note and .../tlog), so
// the log is proven readable by an independent implementation:
//
//	go run tlog-verify.go -log <dist>/log/v1 -key <verifier key> [-old <earlier checkpoint file>]
//
// It opens the checkpoint with the verifier key, authenticates the served
// hash tiles against its root (tlog.TileHashReader), proves the entries of
// the entry bundles included (tlog.ProveRecord, tlog.CheckRecord; every one
// up to 1,024 entries, then an even sample and the last) and, given
// an earlier checkpoint, proves the tree consistent with it (tlog.ProveTree,
// tlog.CheckTree). Exit status 1 and a message on the first failure.
//
// Run offline with Debian's packages golang-go and golang-golang-x-mod-dev:
//
//	GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE=$(mktemp -d) go run test/interop/tlog-verify.go …
package main

import (
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

const height = 8

var logLocation string

// read returns a file of the log, from a folder or over HTTP.
func read(path string) ([]byte, error) {
	if strings.HasPrefix(logLocation, "http://") || strings.HasPrefix(logLocation, "https://") {
		response, err := http.Get(strings.TrimSuffix(logLocation, "/") + "/" + path)
		if err != nil {
			return nil, err
		}
		defer response.Body.Close()
		if response.StatusCode != 200 {
			return nil, fmt.Errorf("%s: HTTP %d", path, response.StatusCode)
		}
		return io.ReadAll(response.Body)
	}
	return os.ReadFile(filepath.Join(logLocation, filepath.FromSlash(path)))
}

// c2spPath is the C2SP tlog-tiles path of a tile: Go's path without the height, "entries" for data tiles.
func c2spPath(t tlog.Tile) string {
	path := t.Path()
	if t.L == -1 {
		return strings.Replace(path, fmt.Sprintf("tile/%d/data/", height), "tile/entries/", 1)
	}
	return strings.Replace(path, fmt.Sprintf("tile/%d/", height), "tile/", 1)
}

type tileReader struct{}

func (tileReader) Height() int { return height }

func (tileReader) ReadTiles(tiles []tlog.Tile) ([][]byte, error) {
	data := make([][]byte, len(tiles))
	for i, t := range tiles {
		bytes, err := read(c2spPath(t))
		if err != nil {
			return nil, err
		}
		data[i] = bytes
	}
	return data, nil
}

func (tileReader) SaveTiles([]tlog.Tile, [][]byte) {}

// openCheckpoint verifies a signed checkpoint and returns its origin and tree.
func openCheckpoint(message []byte, verifiers note.Verifiers) (string, tlog.Tree, error) {
	n, err := note.Open(message, verifiers)
	if err != nil {
		return "", tlog.Tree{}, err
	}
	lines := strings.SplitN(n.Text, "\n", 4)
	if len(lines) < 4 {
		return "", tlog.Tree{}, errors.New("checkpoint text has fewer than three lines")
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || strconv.FormatInt(size, 10) != lines[1] {
		return "", tlog.Tree{}, fmt.Errorf("bad tree size %q", lines[1])
	}
	hash, err := base64.StdEncoding.DecodeString(lines[2])
	if err != nil || len(hash) != tlog.HashSize {
		return "", tlog.Tree{}, fmt.Errorf("bad root hash %q", lines[2])
	}
	var tree tlog.Tree
	tree.N = size
	copy(tree.Hash[:], hash)
	return lines[0], tree, nil
}

// entries reads the entry bundle that holds leaf index and returns its entries.
func bundle(index, size int64) ([][]byte, error) {
	n := index / (1 << height)
	width := int64(1 << height)
	if (n+1)<<height > size {
		width = size - n<<height
	}
	data, err := read(c2spPath(tlog.Tile{H: height, L: -1, N: n, W: int(width)}))
	if err != nil {
		return nil, err
	}
	var entries [][]byte
	for len(data) > 0 {
		if len(data) < 2 {
			return nil, errors.New("truncated entry bundle")
		}
		length := int(data[0])<<8 | int(data[1])
		if len(data) < 2+length {
			return nil, errors.New("truncated entry bundle")
		}
		entries = append(entries, data[2:2+length])
		data = data[2+length:]
	}
	if int64(len(entries)) != width {
		return nil, fmt.Errorf("entry bundle %d has %d entries, not %d", n, len(entries), width)
	}
	return entries, nil
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "tlog-verify: "+format+"\n", args...)
	os.Exit(1)
}

func main() {
	key := flag.String("key", "", "verifier key of the log (<name>+<hex>+<base64>)")
	old := flag.String("old", "", "an earlier checkpoint of the same log, to prove consistency with")
	flag.StringVar(&logLocation, "log", "", "the log: a folder (dist/log/v1) or its URL")
	flag.Parse()
	verifier, err := note.NewVerifier(*key)
	if err != nil {
		fail("verifier key: %v", err)
	}
	verifiers := note.VerifierList(verifier)
	message, err := read("checkpoint")
	if err != nil {
		fail("checkpoint: %v", err)
	}
	origin, tree, err := openCheckpoint(message, verifiers)
	if err != nil {
		fail("checkpoint: %v", err)
	}
	fmt.Printf("checkpoint: signature by %s verified; origin %s, %d entries, root %s\n", verifier.Name(), origin, tree.N, tree.Hash)

	hashes := tlog.TileHashReader(tree, tileReader{})
	root, err := tlog.TreeHash(tree.N, hashes)
	if err != nil {
		fail("tiles: %v", err)
	}
	if root != tree.Hash {
		fail("tiles: they give the root %s, the checkpoint says %s", root, tree.Hash)
	}
	step := tree.N/1024 + 1
	proven := 0
	for index := int64(0); index < tree.N; index += step {
		if index+step >= tree.N {
			index = tree.N - 1
		}
		entries, err := bundle(index, tree.N)
		if err != nil {
			fail("entry %d: %v", index, err)
		}
		proof, err := tlog.ProveRecord(tree.N, index, hashes)
		if err != nil {
			fail("entry %d: no inclusion proof: %v", index, err)
		}
		if err := tlog.CheckRecord(proof, tree.N, tree.Hash, index, tlog.RecordHash(entries[index%(1<<height)])); err != nil {
			fail("entry %d: inclusion proof does not verify: %v", index, err)
		}
		proven++
	}
	fmt.Printf("inclusion: %d of the %d entries proven in the tree\n", proven, tree.N)

	if *old != "" {
		message, err := os.ReadFile(*old)
		if err != nil {
			fail("earlier checkpoint: %v", err)
		}
		oldOrigin, oldTree, err := openCheckpoint(message, verifiers)
		if err != nil {
			fail("earlier checkpoint: %v", err)
		}
		if oldOrigin != origin {
			fail("earlier checkpoint is of another log (%s)", oldOrigin)
		}
		proof, err := tlog.ProveTree(tree.N, oldTree.N, hashes)
		if err != nil {
			fail("consistency: no proof from %d to %d: %v", oldTree.N, tree.N, err)
		}
		if err := tlog.CheckTree(proof, tree.N, tree.Hash, oldTree.N, oldTree.Hash); err != nil {
			fail("consistency: the tree of %d entries is not an extension of the earlier one of %d: %v", tree.N, oldTree.N, err)
		}
		fmt.Printf("consistency: the tree of %d entries extends the earlier one of %d (proof of %d hashes)\n", tree.N, oldTree.N, len(proof))
	}
}
