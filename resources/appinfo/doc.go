// Package appinfo is what the program knows about itself: the name, app ID and version of
// FyneApp.toml at the repository root, the single source that `fyne package` also reads for the
// Windows file properties and the Linux .desktop file. go:embed cannot reach a parent folder,
// so appinfo.go is generated from the toml (go generate, run by make build/dist/bench) and
// appinfo_test.go fails when they differ. No Fyne import: package data uses it.
package appinfo

//go:generate go run gen.go
