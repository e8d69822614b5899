#!/usr/bin/python3
"""Plays user B against user A's run: opens A's web-flow page (PAGE, with A's api_key and cb),
allows with B's own account (USER) on the sandbox, and follows the redirect to A's callback, as
B's browser would. Prints "callback: HTTP N" when A's listener answered, "callback: refused (…)"
when it took no request from B.

Usage: fix_session.py PAGE USER"""
import re
import sys
import urllib.error
import urllib.parse
import urllib.request


class Stay(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *arguments):
        return None


def main(page, user):
    form = urllib.request.urlopen(page, timeout=10).read().decode()
    fields = dict(re.findall(r'name="(api_key|token|cb)" value="([^"]*)"', form))
    fields = {name: value.replace("&amp;", "&") for name, value in fields.items()}
    data = urllib.parse.urlencode({**fields, "action": "allow", "user": user}).encode()
    root = re.match(r"(http://[^/]+)", page).group(1)
    try:
        urllib.request.build_opener(Stay).open(root + "/api/auth/", data=data, timeout=10)
        sys.exit("the sandbox did not redirect")
    except urllib.error.HTTPError as redirect:
        location = redirect.headers["Location"]
    print("allowed as", user, flush=True)
    try:
        answer = urllib.request.urlopen(location, timeout=10)
        print("callback: HTTP", answer.status, flush=True)
    except urllib.error.HTTPError as error:
        print("callback: HTTP", error.code, flush=True)
    except Exception as error:
        print("callback: refused (%s)" % type(error).__name__, flush=True)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
