// Command ico writes a Windows .ico from the app's PNG icon, for the NSIS
// installer (the .exe gets its icon from `fyne package`):
//
//	go run ./resources/packaging/ico resources/icon.png out.ico
//
// Every size is stored as a PNG entry (Windows Vista and later).
package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/png"
	"os"

	"golang.org/x/image/draw"
)

var sizes = []int{16, 24, 32, 48, 64, 128, 256}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: ico ICON.png OUT.ico")
		os.Exit(2)
	}
	if err := convert(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "ico:", err)
		os.Exit(1)
	}
}

func convert(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	img, err := png.Decode(in)
	if err != nil {
		return err
	}
	var entries [][]byte
	for _, n := range sizes {
		scaled := image.NewNRGBA(image.Rect(0, 0, n, n))
		draw.CatmullRom.Scale(scaled, scaled.Bounds(), img, img.Bounds(), draw.Src, nil)
		var b bytes.Buffer
		if err := png.Encode(&b, scaled); err != nil {
			return err
		}
		entries = append(entries, b.Bytes())
	}
	return os.WriteFile(dst, icoFile(entries), 0o644)
}

// icoFile lays out ICONDIR, one ICONDIRENTRY per size, then the images.
func icoFile(pngs [][]byte) []byte {
	var out bytes.Buffer
	le := binary.LittleEndian
	binary.Write(&out, le, [3]uint16{0, 1, uint16(len(pngs))})
	offset := 6 + 16*len(pngs)
	for i, p := range pngs {
		side := byte(sizes[i]) // 256 is written as 0
		binary.Write(&out, le, struct {
			W, H, Colors, Reserved byte
			Planes, BitCount       uint16
			Size, Offset           uint32
		}{side, side, 0, 0, 1, 32, uint32(len(p)), uint32(offset)})
		offset += len(p)
	}
	for _, p := range pngs {
		out.Write(p)
	}
	return out.Bytes()
}
