#!/usr/bin/env bash
# Back up the database (pg_dump, custom format), the media files and the private
# files (H5P packages, report exports) into BACKUP_DIR, one tar archive each.
#
#   DATABASE_URL=postgres://user:pass@host:5432/name MEDIA_ROOT=/srv/media \
#   H5P_ROOT=/srv/h5p EXPORTS_ROOT=/srv/exports \
#   BACKUP_DIR=/srv/backups deploy/backup.sh
#
# Prints the files it wrote, one a line: db-*.dump, media-*.tar.gz, then
# h5p-*.tar.gz and exports-*.tar.gz when H5P_ROOT and EXPORTS_ROOT are set (they
# are not when those files live in S3 storage, which keeps its own copies).
# Keeps the newest BACKUP_KEEP (default 14) of each kind. The dump is consistent
# on its own (one transaction); take it before the files so that no file a
# backed-up row names is missing.
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL must be set}"
: "${MEDIA_ROOT:?MEDIA_ROOT must be set}"
: "${BACKUP_DIR:?BACKUP_DIR must be set}"
KEEP="${BACKUP_KEEP:-14}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$BACKUP_DIR"
written=()

db_file="$BACKUP_DIR/db-$stamp.dump"
pg_dump --format=custom --no-owner --no-privileges --file="$db_file.partial" "$DATABASE_URL"
mv "$db_file.partial" "$db_file"
written+=("$db_file")

# archive KIND DIRECTORY: the directory's contents as KIND-<stamp>.tar.gz.
archive() {
    local kind="$1" directory="$2" file="$BACKUP_DIR/$1-$stamp.tar.gz"
    mkdir -p "$directory"
    tar --create --gzip --file="$file.partial" --directory="$directory" .
    mv "$file.partial" "$file"
    written+=("$file")
}

archive media "$MEDIA_ROOT"
if [ -n "${H5P_ROOT:-}" ]; then
    archive h5p "$H5P_ROOT"
else
    echo "H5P_ROOT is not set: private H5P files not backed up here." >&2
fi
if [ -n "${EXPORTS_ROOT:-}" ]; then
    archive exports "$EXPORTS_ROOT"
else
    echo "EXPORTS_ROOT is not set: report exports not backed up here." >&2
fi

# Keep the newest $KEEP backups of each kind.
for kind in db media h5p exports; do
    ls -1t "$BACKUP_DIR"/"$kind"-*.* 2>/dev/null | tail -n +"$((KEEP + 1))" | xargs -r rm --
done

printf '%s\n' "${written[@]}"
