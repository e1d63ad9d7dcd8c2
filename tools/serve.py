#!/usr/bin/env python3
"""A static file server for the page: correct MIME types for .wasm and .mjs, no caching
surprises while developing. Any static server works; this one needs only Python."""
import argparse
import functools
import http.server
import mimetypes

mimetypes.add_type('application/wasm', '.wasm')
mimetypes.add_type('text/javascript', '.js')
mimetypes.add_type('text/javascript', '.mjs')
mimetypes.add_type('application/manifest+json', '.webmanifest')


class Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header('Cache-Control', 'no-cache')
        super().end_headers()

    def log_message(self, fmt, *args):
        pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--host', default='127.0.0.1')
    ap.add_argument('--port', type=int, default=8080)
    ap.add_argument('root')
    a = ap.parse_args()
    handler = functools.partial(Handler, directory=a.root)
    with http.server.ThreadingHTTPServer((a.host, a.port), handler) as httpd:
        httpd.serve_forever()


if __name__ == '__main__':
    main()
