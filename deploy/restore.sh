#!/usr/bin/env bash
# Restore a backup made by deploy/backup.sh: the database, then the media files.
#
#   DATABASE_URL=postgres://user:pass@host:5432/name MEDIA_ROOT=/srv/media \
#   deploy/restore.sh /srv/backups/db-20261124T020000Z.dump /srv/backups/media-20261124T020000Z.tar.gz
#
# Stop the application servers and workers first. The database's objects are
# dropped and recreated from the dump; the media directory is replaced by the
# archive's contents (the old one is kept beside it as MEDIA_ROOT.before-restore).
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL must be set}"
: "${MEDIA_ROOT:?MEDIA_ROOT must be set}"
db_file="${1:?usage: restore.sh DB_DUMP MEDIA_ARCHIVE}"
media_file="${2:?usage: restore.sh DB_DUMP MEDIA_ARCHIVE}"
[ -s "$db_file" ] || { echo "No database dump at $db_file" >&2; exit 1; }
[ -s "$media_file" ] || { echo "No media archive at $media_file" >&2; exit 1; }

pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error \
    --single-transaction --dbname="$DATABASE_URL" "$db_file"

staging="$(mktemp -d "${MEDIA_ROOT%/}.restore.XXXXXX")"
tar --extract --gzip --file="$media_file" --directory="$staging"
rm -rf "${MEDIA_ROOT%/}.before-restore"
if [ -d "$MEDIA_ROOT" ]; then mv "$MEDIA_ROOT" "${MEDIA_ROOT%/}.before-restore"; fi
mv "$staging" "$MEDIA_ROOT"
chmod 755 "$MEDIA_ROOT"

echo "Restored the database from $db_file and the media from $media_file."
