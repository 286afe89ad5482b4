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
# Quizzes: the same file:line: reason, for their own rules.
expect 'content-broken/quizzes/1-first.json:5: The pass mark “pass_mark” must be more than 0 and at most 1; it is 1.5.'
expect 'content-broken/quizzes/1-first.json:7: The single-choice item “hub” must have exactly one correct option.'
expect 'content-broken/quizzes/1-first.json:8: The lesson “first” has no page with the id “no-such-page”.'
expect 'content-broken/quizzes/1-first.json:10: The id “a” is used more than once.'
expect 'content-broken/quizzes/1-first.json:11: The item type “essay” is unknown'
expect 'content-broken/quizzes/1-first.json:18: The reply “b” leads to “gone”, which is no node or ending of this scenario.'
expect 'content-broken/quizzes/1-first.json:19: The scenario node “n2” cannot be reached from the start.'
expect 'content-broken/quizzes/1-first.json:22: From the scenario node “n3” no replies lead to an ending: the conversation never ends.'
expect 'content-broken/quizzes/1-first.json:13: The scenario “talk” has no ending with the score 1'
expect 'content-broken/quizzes/2-final-quiz.json:1: The quiz file should be named “<number>-final.json”.'
expect 'content-broken/quizzes/2-final-quiz.json:3: “title” has no English text.'
expect 'content-broken/quizzes/2-final-quiz.json:4: There is no lesson with the id “no-such-lesson”.'
expect 'content-broken/quizzes/2-final-quiz.json:6: “items[0].steps” has too few entries: it needs at least 3.'
# The self-assessment: the same file:line: reason, for its own rules.
expect 'content-broken/assessment.json:2: “steps” must be these six steps in this order'
expect 'content-broken/assessment.json:4: “statements[0].scale” has an unknown value “often”.'
expect 'content-broken/assessment.json:4: The lesson “first” has no page with the id “no-such-page”.'
expect 'content-broken/assessment.json:3: “statements” has too few entries: it needs at least 12.'
exit $status
