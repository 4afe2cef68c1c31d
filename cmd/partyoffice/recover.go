package main

import "partyoffice/data"

// Recovery of a damaged database. The store refuses to open a damaged file,
// so these work on the data folder directly (package data does the work:
// list the backups, check one, put it in place, audit it). The damaged file
// is never deleted, only set aside as partyoffice.db.damaged-<time>.
var (
	backupsInFolder  = data.BackupsIn
	newestGoodBackup = data.NewestGoodBackup
	restoreClosed    = data.RestoreClosed
)
