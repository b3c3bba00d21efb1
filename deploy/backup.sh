#!/usr/bin/env bash
# Back up the database (pg_dump, custom format) and the media files (tar) into BACKUP_DIR.
#
#   DATABASE_URL=postgres://user:pass@host:5432/name MEDIA_ROOT=/srv/media \
#   BACKUP_DIR=/srv/backups deploy/backup.sh
#
# Prints the two files it wrote. Keeps the newest BACKUP_KEEP (default 14) of each.
# The dump is consistent on its own (one transaction); take it before the media
# so that no file a backed-up row names is missing.
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL must be set}"
: "${MEDIA_ROOT:?MEDIA_ROOT must be set}"
: "${BACKUP_DIR:?BACKUP_DIR must be set}"
KEEP="${BACKUP_KEEP:-14}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$BACKUP_DIR"

db_file="$BACKUP_DIR/db-$stamp.dump"
media_file="$BACKUP_DIR/media-$stamp.tar.gz"

pg_dump --format=custom --no-owner --no-privileges --file="$db_file.partial" "$DATABASE_URL"
mv "$db_file.partial" "$db_file"

mkdir -p "$MEDIA_ROOT"
tar --create --gzip --file="$media_file.partial" --directory="$MEDIA_ROOT" .
mv "$media_file.partial" "$media_file"

# Keep the newest $KEEP backups of each kind.
for kind in db media; do
    ls -1t "$BACKUP_DIR"/"$kind"-*.* 2>/dev/null | tail -n +"$((KEEP + 1))" | xargs -r rm --
done

echo "$db_file"
echo "$media_file"
