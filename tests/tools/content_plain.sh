#!/bin/sh
# The plain version as the build writes it: every page in both languages from content/; pages
# of lessons that are gone are removed and nothing else is; broken content writes nothing; a
# lesson id that would overwrite the contents page is refused with its file and line.
#   content_plain.sh COACH_CONTENT SOURCE_DIR WORK_DIR
tool=$1 src=$2 work=$3/content-plain
rm -rf "$work" && mkdir -p "$work" || exit 1
status=0
fail() { echo "FAIL: $1"; status=1; }

out="$work/lessons"
"$tool" plain "$src/content" "$out" || fail "plain refused content/"
for lesson in "$src"/content/lessons/*.json; do
  id=$(basename "$lesson" .json | sed 's/^[0-9]*-//')
  for lang in zh en; do [ -s "$out/$id.$lang.html" ] || fail "no $id.$lang.html"; done
done
for page in index glossary; do
  for lang in zh en; do [ -s "$out/$page.$lang.html" ] || fail "no $page.$lang.html"; done
done
grep -q '<html lang="zh-CN">' "$out/index.zh.html" || fail "index.zh.html is not marked Chinese"
grep -q '<html lang="en">' "$out/index.en.html" || fail "index.en.html is not marked English"
if grep -l '<script' "$out"/*.html; then fail "a plain page has a script"; fi

# A lesson that was renamed leaves no page behind; files that are not its pages stay.
echo old > "$out/renamed-lesson.zh.html"
echo mine > "$out/notes.txt"
"$tool" plain "$src/content" "$out" >/dev/null || fail "plain refused content/ the second time"
[ -e "$out/renamed-lesson.zh.html" ] && fail "the page of a lesson that is gone was kept"
[ -e "$out/notes.txt" ] || fail "a file that is no plain page was removed"

# Broken content: the problems are reported and no page is written.
if "$tool" plain "$src/tests/fixtures/content-broken" "$work/broken" 2>"$work/broken.log"; then fail "plain accepted broken content"; fi
grep -q 'content-broken/quotes.json:3: There is no lesson with the id “no-such-lesson”.' "$work/broken.log" || fail "broken content not reported"
[ -e "$work/broken" ] && fail "pages written for broken content"

# A lesson called "index" would overwrite the contents page.
cp -r "$src/content" "$work/clash"
sed 's/"id": "team-kpi"/"id": "index"/' "$work/clash/lessons/5-team-kpi.json" > "$work/clash/lessons/5-index.json"
rm "$work/clash/lessons/5-team-kpi.json"
if "$tool" plain "$work/clash" "$work/clash-out" 2>"$work/clash.log"; then fail "plain accepted a lesson called index"; fi
cat "$work/clash.log"
grep -q 'clash/lessons/5-index.json:[0-9]*: The lesson id “index” is the name of a page of the plain version' "$work/clash.log" || fail "the clash is not named"
[ -e "$work/clash-out/index.zh.html" ] && fail "pages written despite the clash"
exit $status
