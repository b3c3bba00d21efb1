#!/usr/bin/env bash
# Restore a backup made by deploy/backup.sh: the database, then the media files,
# then the private files (H5P packages, report exports) if their archives are given.
#
#   DATABASE_URL=postgres://user:pass@host:5432/name MEDIA_ROOT=/srv/media \
#   H5P_ROOT=/srv/h5p EXPORTS_ROOT=/srv/exports deploy/restore.sh \
#       /srv/backups/db-20261124T020000Z.dump /srv/backups/media-20261124T020000Z.tar.gz \
#       /srv/backups/h5p-20261124T020000Z.tar.gz /srv/backups/exports-20261124T020000Z.tar.gz
#
# Stop the application servers and workers first. The database's objects are
# dropped and recreated from the dump; each files directory is replaced by its
# archive's contents (the old one is kept beside it as <directory>.before-restore).
# An h5p-* archive goes to H5P_ROOT and an exports-* archive to EXPORTS_ROOT.
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL must be set}"
: "${MEDIA_ROOT:?MEDIA_ROOT must be set}"
usage="usage: restore.sh DB_DUMP MEDIA_ARCHIVE [H5P_ARCHIVE] [EXPORTS_ARCHIVE]"
db_file="${1:?$usage}"
media_file="${2:?$usage}"
shift 2
private=("$@")
for file in "$db_file" "$media_file" "${private[@]}"; do
    [ -s "$file" ] || { echo "No backup file at $file" >&2; exit 1; }
done
# Know where every private archive goes before anything is changed.
targets=()
for file in "${private[@]}"; do
    case "$(basename "$file")" in
        h5p-*) targets+=("${H5P_ROOT:?H5P_ROOT must be set to restore $file}") ;;
        exports-*) targets+=("${EXPORTS_ROOT:?EXPORTS_ROOT must be set to restore $file}") ;;
        *) echo "Not an h5p-* or exports-* archive: $file" >&2; exit 1 ;;
    esac
done

pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error \
    --single-transaction --dbname="$DATABASE_URL" "$db_file"

# replace DIRECTORY ARCHIVE MODE: the directory becomes the archive's contents,
# with the owner and mode of the directory it replaces (MODE if there was none).
replace() {
    local directory="${1%/}" archive="$2" mode="$3" staging
    mkdir -p "$(dirname "$directory")"
    staging="$(mktemp -d "$directory.restore.XXXXXX")"
    tar --extract --gzip --file="$archive" --directory="$staging"
    rm -rf "$directory.before-restore"
    if [ -d "$directory" ]; then
        chown --reference="$directory" "$staging" 2>/dev/null || true
        chmod --reference="$directory" "$staging"
        mv "$directory" "$directory.before-restore"
    else
        chmod "$mode" "$staging"
    fi
    mv "$staging" "$directory"
}

replace "$MEDIA_ROOT" "$media_file" 755
chmod 755 "$MEDIA_ROOT"  # the front server serves media
for index in "${!private[@]}"; do
    # Private files: readable by the application only, never by the front server.
    replace "${targets[$index]}" "${private[$index]}" 750
done

echo "Restored the database from $db_file and the files from $media_file ${private[*]}."
