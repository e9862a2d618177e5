import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

function request(remoteAddress: string | undefined, forwardedFor?: string | string[]): IncomingMessage {
  return { headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }, socket: { remoteAddress } } as unknown as IncomingMessage;
}

describe('clientAddress', () => {
  it.each([
    ['127.0.0.1', undefined, '127.0.0.1'],
    ['::ffff:192.0.2.7', undefined, '192.0.2.7'],
    ['::1', undefined, '::1'],
    ['2001:db8::5', undefined, '2001:db8::5'],
    [undefined, undefined, null],
    // Without a trusted proxy the header is the client's own word and is ignored.
    ['192.0.2.7', '203.0.113.9', '192.0.2.7'],
  ])('no trusted proxy: socket %j, X-Forwarded-For %j → %j', (socket, forwarded, expected) => {
    expect(clientAddress(request(socket, forwarded), false)).toBe(expected);
  });

  it.each([
    ['203.0.113.9', '203.0.113.9'],
    [' 203.0.113.9 , 10.0.0.1', '203.0.113.9'],
    ['2001:db8::1, 10.0.0.1', '2001:db8::1'],
    [['198.51.100.4, 10.0.0.1', '10.0.0.2'], '198.51.100.4'],
    // Not an address: fall back to the socket peer (the proxy), never echo the header.
    ['unknown', '10.0.0.1'],
    ['<script>', '10.0.0.1'],
    ['', '10.0.0.1'],
    [' , 203.0.113.9', '10.0.0.1'],
    ['1.2.3.4 5.6.7.8', '10.0.0.1'],
    ['x'.repeat(46), '10.0.0.1'],
    ['1'.repeat(46), '10.0.0.1'],
  ] as [string | string[], string][])('trusted proxy: X-Forwarded-For %j → %s', (forwarded, expected) => {
    expect(clientAddress(request('::ffff:10.0.0.1', forwarded), true)).toBe(expected);
  });

  it('trusted proxy without the header: the socket peer', () => {
    expect(clientAddress(request('::ffff:10.0.0.1'), true)).toBe('10.0.0.1');
  });
});
