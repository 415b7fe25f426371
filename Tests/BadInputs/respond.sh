#!/bin/sh
# A subprocess plug-in for the bad-input corpus: it answers every request with the contents
# of the file named by its first argument (one line), so linkgraph reads that answer.
if [ "$2" = "--describe" ]; then
  echo '{"name": "bad-answers", "version": "1", "accepts": ["text/plain"]}'
  exit 0
fi
while IFS= read -r request; do
  cat "$1"
  echo
done
