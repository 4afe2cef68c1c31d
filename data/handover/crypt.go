package handover

import (
	"bufio"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/subtle"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"golang.org/x/crypto/argon2"
)

// An encrypted package is a header followed by the zip in chunks:
//
//	offset size
//	0      8    magic "\x89DZB\r\n\x1a\n" (a text-mode copy mangles the \r\n and shows at once)
//	8      2    container version, big endian (1)
//	10     1    key derivation: 1 = Argon2id
//	11     1    reserved, 0
//	12     4    Argon2id time (passes)
//	16     4    Argon2id memory in KiB
//	20     1    Argon2id threads
//	21     3    reserved, 0
//	24     16   salt
//	40     8    nonce prefix
//	48     4    chunk size (plaintext bytes per chunk)
//	52     16   password check: the GCM tag of nothing, nonce prefix‖FFFFFFFF
//	68          chunks
//
// Chunk i is AES-256-GCM over chunk-size plaintext bytes (the last may be
// shorter, even empty), with nonce prefix‖i (big endian) and as additional
// data the first 52 header bytes plus one byte that is 1 for the last chunk
// and 0 otherwise. So a chunk cannot be altered, reordered, dropped or
// moved, the stream cannot be cut short at a chunk boundary, and changing
// the header breaks every chunk. The password check tells a wrong password
// apart from a damaged file before any chunk is read.

var cryptMagic = []byte("\x89DZB\r\n\x1a\n") // glyphs:ignore (bytes, never shown)

const (
	cryptVersion  = 1
	kdfArgon2id   = 1
	headerAADSize = 52
	headerSize    = headerAADSize + tagSize
	tagSize       = 16
	saltSize      = 16
	prefixSize    = 8
	keySize       = 32
	checkCounter  = 0xFFFFFFFF // never a chunk number
	chunkSize     = 1 << 20
)

// KDFParams are the Argon2id parameters stored in the header.
type KDFParams struct {
	Time    uint32
	Memory  uint32 // KiB
	Threads uint8
}

// DefaultKDF is RFC 9106's second recommendation (64 MiB, 3 passes): under
// a second on an office PC, expensive for anyone guessing passwords.
var DefaultKDF = KDFParams{Time: 3, Memory: 64 << 10, Threads: 4}

// Limits on what a header may ask for: a hostile file must not make us
// allocate gigabytes or spin for minutes before the password check fails.
// (Variables only so that fuzzing can lower them: a mutated header must not
// make every run spend seconds in the key derivation.)
var (
	maxKDFTime   uint32 = 16
	maxKDFMemory uint32 = 512 << 10 // KiB
)

const (
	minChunkSize    = 4 << 10
	maxChunkSize    = 8 << 20
	maxChunkCounter = checkCounter - 1
)

type cryptHeader struct {
	kdf    KDFParams
	salt   [saltSize]byte
	prefix [prefixSize]byte
	chunk  uint32
}

func (h *cryptHeader) marshalAAD() []byte {
	b := make([]byte, headerAADSize)
	copy(b, cryptMagic)
	binary.BigEndian.PutUint16(b[8:], cryptVersion)
	b[10] = kdfArgon2id
	binary.BigEndian.PutUint32(b[12:], h.kdf.Time)
	binary.BigEndian.PutUint32(b[16:], h.kdf.Memory)
	b[20] = h.kdf.Threads
	copy(b[24:], h.salt[:])
	copy(b[40:], h.prefix[:])
	binary.BigEndian.PutUint32(b[48:], h.chunk)
	return b
}

// parseHeader reads and checks an untrusted header (the magic has matched).
func parseHeader(b []byte) (*cryptHeader, error) {
	if v := binary.BigEndian.Uint16(b[8:]); v != cryptVersion {
		if v > cryptVersion {
			return nil, newProblem(ErrTooNew, "这个移交包由更新版本的党支部工作台制作（加密格式版本 %d），请先安装新版本再打开", v)
		}
		return nil, damaged("文件头无效")
	}
	h := &cryptHeader{chunk: binary.BigEndian.Uint32(b[48:])}
	h.kdf = KDFParams{Time: binary.BigEndian.Uint32(b[12:]), Memory: binary.BigEndian.Uint32(b[16:]), Threads: b[20]}
	copy(h.salt[:], b[24:40])
	copy(h.prefix[:], b[40:48])
	ok := b[10] == kdfArgon2id && b[11] == 0 && b[21]|b[22]|b[23] == 0 &&
		h.kdf.Time >= 1 && h.kdf.Time <= maxKDFTime &&
		h.kdf.Memory >= 8*uint32(h.kdf.Threads) && h.kdf.Memory <= maxKDFMemory && h.kdf.Threads >= 1 &&
		h.chunk >= minChunkSize && h.chunk <= maxChunkSize
	if !ok {
		return nil, damaged("文件头无效")
	}
	return h, nil
}

func (h *cryptHeader) aead(password string) (cipher.AEAD, error) {
	key := argon2.IDKey([]byte(password), h.salt[:], h.kdf.Time, h.kdf.Memory, h.kdf.Threads, keySize)
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

func (h *cryptHeader) nonce(counter uint32) []byte {
	n := make([]byte, prefixSize+4)
	copy(n, h.prefix[:])
	binary.BigEndian.PutUint32(n[prefixSize:], counter)
	return n
}

func chunkAAD(header []byte, last bool) []byte {
	aad := make([]byte, len(header)+1)
	copy(aad, header)
	if last {
		aad[len(header)] = 1
	}
	return aad
}

// encryptWriter encrypts everything written to it; Close writes the last
// chunk (and does not close the underlying writer).
type encryptWriter struct {
	w       io.Writer
	aead    cipher.AEAD
	h       *cryptHeader
	aad     []byte
	buf     []byte
	counter uint32
	closed  bool
}

func newEncryptWriter(w io.Writer, password string, kdf KDFParams) (*encryptWriter, error) {
	h := &cryptHeader{kdf: kdf, chunk: chunkSize}
	if _, err := rand.Read(h.salt[:]); err != nil {
		return nil, err
	}
	if _, err := rand.Read(h.prefix[:]); err != nil {
		return nil, err
	}
	aead, err := h.aead(password)
	if err != nil {
		return nil, err
	}
	aad := h.marshalAAD()
	check := aead.Seal(nil, h.nonce(checkCounter), nil, aad)
	if _, err := w.Write(append(append([]byte{}, aad...), check...)); err != nil {
		return nil, err
	}
	return &encryptWriter{w: w, aead: aead, h: h, aad: aad, buf: make([]byte, 0, chunkSize)}, nil
}

func (e *encryptWriter) Write(p []byte) (int, error) {
	n := 0
	for len(p) > 0 {
		if len(e.buf) == cap(e.buf) { // full, and more follows: not the last chunk
			if err := e.flush(false); err != nil {
				return n, err
			}
		}
		k := copy(e.buf[len(e.buf):cap(e.buf)], p)
		e.buf = e.buf[:len(e.buf)+k]
		p = p[k:]
		n += k
	}
	return n, nil
}

func (e *encryptWriter) flush(last bool) error {
	if e.counter > maxChunkCounter {
		return newProblem(ErrTooLarge, "文件过大，无法加密")
	}
	sealed := e.aead.Seal(nil, e.h.nonce(e.counter), e.buf, chunkAAD(e.aad, last))
	e.counter++
	e.buf = e.buf[:0]
	_, err := e.w.Write(sealed)
	return err
}

// Close writes the last chunk, which may be empty.
func (e *encryptWriter) Close() error {
	if e.closed {
		return nil
	}
	e.closed = true
	return e.flush(true)
}

// decryptTo reads an encrypted package from r (positioned after the magic
// bytes were checked, i.e. at offset 0) and writes the plain zip to w, at
// most limit bytes. Every failure is a plain message: wrong password,
// damaged, truncated.
func decryptTo(w io.Writer, r io.Reader, password string, limit int64) error {
	raw := make([]byte, headerSize)
	if _, err := io.ReadFull(r, raw); err != nil {
		return damaged("文件头不完整")
	}
	h, err := parseHeader(raw)
	if err != nil {
		return err
	}
	aead, err := h.aead(password)
	if err != nil {
		return err
	}
	aad := raw[:headerAADSize]
	check := aead.Seal(nil, h.nonce(checkCounter), nil, aad)
	if subtle.ConstantTimeCompare(check, raw[headerAADSize:]) != 1 {
		return newProblem(ErrWrongPassword, "密码不正确，请核对后重新输入（注意大小写和全角/半角）。如果确认密码无误，则文件可能已损坏")
	}
	return decryptChunks(w, bufio.NewReaderSize(r, 64<<10), aead, h, aad, limit)
}

func decryptChunks(w io.Writer, br *bufio.Reader, aead cipher.AEAD, h *cryptHeader, aad []byte, limit int64) error {
	sealed := make([]byte, int(h.chunk)+tagSize)
	var written int64
	for counter := uint32(0); ; counter++ {
		if counter > maxChunkCounter {
			return damaged("分段过多")
		}
		n, err := io.ReadFull(br, sealed)
		if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
			return fmt.Errorf("无法读取文件：%w", err)
		}
		last := n < len(sealed)
		if !last { // a full chunk is the last one when nothing follows
			if _, perr := br.Peek(1); errors.Is(perr, io.EOF) {
				last = true
			}
		}
		plain, oerr := aead.Open(sealed[:0], h.nonce(counter), sealed[:n], chunkAAD(aad, last))
		if oerr != nil {
			if last {
				return damaged(fmt.Sprintf("第 %d 段校验失败，文件可能没有复制完整", counter+1))
			}
			return damaged(fmt.Sprintf("第 %d 段校验失败", counter+1))
		}
		if written += int64(len(plain)); written > limit {
			return newProblem(ErrTooLarge, "文件过大（解密后超过 %d GB），没有打开", limit>>30)
		}
		if _, err := w.Write(plain); err != nil {
			return err
		}
		if last {
			return nil
		}
	}
}
