import sys
from tests.extract_eval import load_set
from geo.claims.extract import analyse, default_matcher
from geo.claims.cues import claim_cues
from geo.claims.text import split_sentences
from tests.conftest import DATA
M=default_matcher(DATA)
A=load_set(sys.argv[1])
for a in A:
    r=analyse(a['text'],language=a['language'],matcher=M)
    got={t for c in r.claims for t in c.claim_types}; want=set(a['expected_claim_types'])
    if got!=want:
        print(a['id'], 'missed', sorted(want-got), 'extra', sorted(got-want))
        for s,e in split_sentences(a['text']):
            print('   ', sorted(claim_cues(a['text'][s:e], a['language'])), '|', a['text'][s:e][:200])
