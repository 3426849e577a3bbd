#!/bin/sh
# Makes the validation split of PolNeAR train used while fitting rules and
# models: every article whose name's md5 starts with 0-2 (about 3/16 of
# train) goes to $BUILD/split/val, the rest to $BUILD/split/fit (symlinks).
set -e
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
src=$(cd "$SHARED/data/polnear/train" && pwd)
for s in val fit; do rm -rf "$BUILD/split/$s"; mkdir -p "$BUILD/split/$s/text" "$BUILD/split/$s/attributions"; done
for f in "$src"/text/*.txt; do
    n=$(basename "$f" .txt)
    case $(printf '%s' "$n" | md5sum | cut -c1) in
        0|1|2) s=val ;;
        *) s=fit ;;
    esac
    ln -s "$f" "$BUILD/split/$s/text/"
    for a in "$src"/attributions/"$n"_*.ann; do ln -s "$a" "$BUILD/split/$s/attributions/"; done
done
echo "val: $(ls "$BUILD/split/val/text" | wc -l) articles, fit: $(ls "$BUILD/split/fit/text" | wc -l)"
