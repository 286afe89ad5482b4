#!/bin/sh
# The content validator must fail on broken content and name file, line and reason for each
# problem.   content_check_broken.sh COACH_CONTENT SOURCE_DIR GLYPHS
tool=$1 src=$2 glyphs=$3
if output=$("$tool" check "$src/tests/fixtures/content-broken" --glyphs "$glyphs" 2>&1); then
  echo "coach_content accepted broken content"; exit 1
fi
echo "$output"
status=0
expect() {
  if ! echo "$output" | grep -qF "$1"; then echo "MISSING: $1"; status=1; fi
}
expect 'content-broken/course.json:4: “about” has no English text.'
expect 'content-broken/lessons/1-first.json:11: “pages[0].blocks[1].kind” has an unknown value “poem”.'
expect 'content-broken/lessons/1-first.json:17: The id “page” is used more than once.'
expect 'content-broken/lessons/1-first.json:10: A link points to the term “collection”, which is not in the glossary.'
expect 'content-broken/lessons/1-first.json:19: A link is malformed: [[link'
expect 'content-broken/lessons/1-first.json:12: The character “😀” (U+1F600) is not in the font'
expect 'content-broken/lessons/2-second.json:3: “title” has no English text.'
expect 'content-broken/glossary.json:4: The id “bad-debt” is used more than once.'
expect 'content-broken/quotes.json:3: There is no lesson with the id “no-such-lesson”.'
exit $status
