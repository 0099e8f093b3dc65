/* SHA-1 and UUID version 5: deterministic STIX ids from stable keys, so
 * exporting twice, or from two knowledge bases, names an object the same way
 * and re-imports do not duplicate it. */
#include <stdio.h>
#include <string.h>

#include "export_int.h"

/* A fixed namespace for ties' STIX ids (random once, never to change). */
const unsigned char ties__stix_ns[16] = {0x06, 0x0d, 0xd4, 0x24, 0xb2, 0xe8, 0x4b, 0xad,
                                         0x9b, 0xb4, 0xf6, 0x54, 0xf8, 0x95, 0x4f, 0x99};

static uint32_t rol(uint32_t x, unsigned n)
{
	return (x << n) | (x >> (32 - n));
}

static void sha1_block(ties_sha1 *c, const unsigned char *p)
{
	uint32_t w[80];
	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
	for (int i = 16; i < 80; i++)
		w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
	uint32_t a = c->h[0], b = c->h[1], d3 = c->h[2], d = c->h[3], e = c->h[4];
	for (int i = 0; i < 80; i++) {
		uint32_t f, k;
		if (i < 20) {
			f = (b & d3) | (~b & d);
			k = 0x5A827999u;
		} else if (i < 40) {
			f = b ^ d3 ^ d;
			k = 0x6ED9EBA1u;
		} else if (i < 60) {
			f = (b & d3) | (b & d) | (d3 & d);
			k = 0x8F1BBCDCu;
		} else {
			f = b ^ d3 ^ d;
			k = 0xCA62C1D6u;
		}
		uint32_t t = rol(a, 5) + f + e + k + w[i];
		e = d;
		d = d3;
		d3 = rol(b, 30);
		b = a;
		a = t;
	}
	c->h[0] += a;
	c->h[1] += b;
	c->h[2] += d3;
	c->h[3] += d;
	c->h[4] += e;
}

void ties__sha1_init(ties_sha1 *c)
{
	static const uint32_t h0[5] = {0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u,
	                               0xC3D2E1F0u};
	memcpy(c->h, h0, sizeof h0);
	c->len = 0;
	c->fill = 0;
}

void ties__sha1_update(ties_sha1 *c, const void *data, size_t n)
{
	const unsigned char *p = data;
	c->len += n;
	while (n) {
		size_t k = 64 - c->fill;
		if (k > n)
			k = n;
		memcpy(c->block + c->fill, p, k);
		c->fill += k;
		p += k;
		n -= k;
		if (c->fill == 64) {
			sha1_block(c, c->block);
			c->fill = 0;
		}
	}
}

void ties__sha1_final(ties_sha1 *c, unsigned char out[20])
{
	uint64_t bits = c->len * 8;
	unsigned char pad = 0x80;
	ties__sha1_update(c, &pad, 1);
	unsigned char zero = 0;
	while (c->fill != 56)
		ties__sha1_update(c, &zero, 1);
	unsigned char lenb[8];
	for (int i = 0; i < 8; i++)
		lenb[i] = (unsigned char)(bits >> (56 - 8 * i));
	ties__sha1_update(c, lenb, 8);
	for (int i = 0; i < 5; i++) {
		out[4 * i] = (unsigned char)(c->h[i] >> 24);
		out[4 * i + 1] = (unsigned char)(c->h[i] >> 16);
		out[4 * i + 2] = (unsigned char)(c->h[i] >> 8);
		out[4 * i + 3] = (unsigned char)c->h[i];
	}
}

void ties__uuid5(const unsigned char ns[16], const void *name, size_t n, char out[37])
{
	ties_sha1 c;
	unsigned char h[20];
	ties__sha1_init(&c);
	ties__sha1_update(&c, ns, 16);
	ties__sha1_update(&c, name, n);
	ties__sha1_final(&c, h);
	h[6] = (unsigned char)((h[6] & 0x0F) | 0x50); /* version 5 */
	h[8] = (unsigned char)((h[8] & 0x3F) | 0x80); /* RFC 4122 variant */
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[h[i] >> 4];
		out[o++] = hex[h[i] & 15];
	}
	out[o] = '\0';
}
