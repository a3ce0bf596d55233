# hashlib over the C accelerators: md5, sha1, sha2, sha3, shake, blake2; hmac.
import hashlib
import hmac
import secrets

for kw in [dict(digest_size=0), dict(digest_size=65), dict(key=b'x' * 65), dict(salt=b'x' * 17),
           dict(person=b'x' * 17), dict(fanout=256), dict(depth=0), dict(leaf_size=2**32),
           dict(node_depth=256), dict(inner_size=65), dict(leaf_size=-1), dict(key='s')]:
    try:
        hashlib.blake2b(**kw)
    except Exception as e:
        print(type(e).__name__, e)
for kw in [dict(node_offset=2**48), dict(digest_size=33), dict(inner_size=33)]:
    try:
        hashlib.blake2s(**kw)
    except Exception as e:
        print(type(e).__name__, e)
params = dict(digest_size=20, key=b'k', salt=b's', person=b'p', fanout=2, depth=3, leaf_size=5,
              node_offset=6, node_depth=7, inner_size=8, last_node=True)
h = hashlib.blake2b(b'abc', **params)
print(h.hexdigest(), h.name, h.digest_size, h.block_size, hashlib.blake2s(b'abc').hexdigest(),
      hashlib.blake2b().hexdigest()[:20])
h = hashlib.blake2s(b'abc', **params)
print(h.hexdigest())
print(hashlib.blake2b.SALT_SIZE, hashlib.blake2s.MAX_KEY_SIZE, type(h).__module__)
d = bytes(range(256)) * 5
for n in (0, 1, 63, 64, 65, 127, 128, 129, 1000):
    print(n, hashlib.blake2b(d[:n]).hexdigest()[:32], hashlib.blake2s(d[:n]).hexdigest()[:32],
          hashlib.blake2b(d[:n], key=b'key').hexdigest()[:16],
          hashlib.blake2s(d[:n], key=b'k' * 32).hexdigest()[:16])
h = hashlib.blake2b(b'x' * 100)
c = h.copy()
c.update(b'y')
print(h.hexdigest()[:16], c.hexdigest()[:16])
for n in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']:
    for d in [b'', b'abc', b'x' * 55, b'x' * 56, b'x' * 64, bytes(range(256)) * 10]:
        print(n, len(d), hashlib.new(n, d).hexdigest())
    h = hashlib.new(n)
    h.update(b'ab')
    c = h.copy()
    c.update(b'c')
    h.update(memoryview(b'd'))
    print(h.name, h.digest_size, h.block_size, h.hexdigest()[:16], c.digest().hex()[:16])
for n in ['sha3_224', 'sha3_256', 'sha3_384', 'sha3_512']:
    for d in [b'', b'abc', b'x' * 135, b'x' * 136, b'x' * 137, bytes(range(256)) * 10]:
        print(n, len(d), hashlib.new(n, d).hexdigest())
for n in ['shake_128', 'shake_256']:
    for d in [b'', b'abc', b'y' * 500]:
        h = hashlib.new(n, d)
        print(n, len(d), h.hexdigest(10), h.digest(300).hex()[-20:], h.digest(0))
h = hashlib.sha3_256()
h.update(b'a')
h2 = h.copy()
h2.update(b'b')
h.update(b'c')
print(h.hexdigest(), h2.hexdigest(), h.name, h.digest_size, h.block_size,
      hashlib.shake_128().digest_size, hashlib.shake_128().block_size)
for f in [lambda: hashlib.sha3_256('s'), lambda: hashlib.sha3_256(5), lambda: hashlib.blake2b('s'),
          lambda: hashlib.md5('s'), lambda: hashlib.sha256(5),
          lambda: hashlib.shake_128().digest()]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(hmac.new(b'key', b'msg', 'sha256').hexdigest(), hmac.digest(b'k', b'm', 'md5').hex(),
      hmac.new(b'k', digestmod=hashlib.sha3_256).hexdigest()[:16])
print(hmac.compare_digest(b'abc', b'abc'), hmac.compare_digest('abc', 'abd'),
      len(secrets.token_hex(8)))
import uuid
print(uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'))
import _operator
for a in [('a', 'b'), (b'a', 'a'), (1, 2), ('é', 'é'), (b'ab', bytearray(b'ab')),
          (memoryview(b'x'), b'x'), (1, b'a'), ('ab', 'ab'), (b'abc', b'ab')]:
    try:
        print(_operator._compare_digest(*a))
    except Exception as e:
        print(type(e).__name__, e)
