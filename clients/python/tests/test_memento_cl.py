"""Tests of the client's wire behaviour against a small fake GraphQL server (standard library only).

Run: python3 -m unittest discover -s clients/python/tests
The live-server tests (the manual's scripts against Memento itself) live in Memento.Tests.
"""
import email.parser
import email.policy
import http.server
import json
import os
import sys
import tempfile
import threading
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from memento_cl import MementoClient, graphql_endpoint  # noqa: E402


class FakeServer(http.server.ThreadingHTTPServer):
    """Answers each operation from `self.answer(query, variables, headers)`; records requests."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.requests = []
        self.answer = lambda q, v, h: {"data": {}}


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        ctype = self.headers["Content-Type"]
        files = {}
        if ctype.startswith("multipart/form-data"):
            msg = email.parser.BytesParser(policy=email.policy.default).parsebytes(
                b"Content-Type: " + ctype.encode() + b"\r\n\r\n" + body)
            parts = {p.get_param("name", header="content-disposition"): p for p in msg.iter_parts()}
            operations = json.loads(parts["operations"].get_content())
            files = {"map": json.loads(parts["map"].get_content()), "0": parts["0"].get_content(),
                     "filename": parts["0"].get_filename()}
        else:
            operations = json.loads(body)
        self.server.requests.append({"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}, "files": files, **operations})
        result = self.server.answer(operations["query"], operations.get("variables") or {}, self.headers)
        payload = json.dumps(result).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/graphql-response+json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


class ClientTests(unittest.TestCase):
    def setUp(self):
        self.server = FakeServer()
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        host, port = self.server.server_address
        # The manual's address form: the client must find /graphql at the server root.
        self.client = MementoClient("http://%s:%d/memento/" % (host, port))

    def tearDown(self):
        self.server.shutdown()
        self.server.server_close()

    def test_the_manuals_address_maps_to_graphql_at_the_root(self):
        self.assertEqual(graphql_endpoint("http://server/memento/"), "http://server/graphql")
        self.assertEqual(graphql_endpoint("https://h:8443/graphql"), "https://h:8443/graphql")
        self.server.answer = lambda q, v, h: {"data": {"userByName": {"id": 7}}}
        self.assertEqual(self.client.get_user_id("alice"), 7)
        self.assertEqual(self.server.requests[0]["path"], "/graphql")

    def test_login_keeps_the_token_and_sends_it_as_bearer(self):
        self.server.answer = lambda q, v, h: (
            {"data": {"login": {"token": "mem_secret", "user": {"id": 1}}}} if "login" in q
            else {"data": {"projectByName": {"id": 3}}})
        self.assertEqual(self.client.login("alice", "pw"), 0)
        self.assertEqual(self.client.get_project_id("Kidney_2026"), 3)
        self.assertEqual(self.server.requests[0]["variables"]["input"]["mode"], "TOKEN")
        self.assertEqual(self.server.requests[1]["headers"]["authorization"], "Bearer mem_secret")

    def test_failures_return_minus_one_or_none(self):
        self.server.answer = lambda q, v, h: {
            "errors": [{"message": "Invalid username or password", "extensions": {"code": "UNAUTHENTICATED"}}]}
        self.assertEqual(self.client.login("alice", "bad"), -1)
        self.assertEqual(self.client.last_error.code, "UNAUTHENTICATED")
        self.assertEqual(self.client.get_or_create_project(1, "P"), -1)
        self.assertIsNone(self.client.project_data(1))
        self.assertIsNone(self.client.get_annotation_labels(1, 1, 5))
        self.assertEqual(self.client.new_annotation(1, 1, 2, 3, "a", "l"), (-1, -1))

    def test_missing_lookups_return_minus_one(self):
        self.server.answer = lambda q, v, h: {"data": {"categoryByName": None}}
        self.assertEqual(self.client.get_category_id(1, "nope"), -1)

    def test_get_or_create_annotation_returns_minus_one_layer_when_it_existed(self):
        self.server.answer = lambda q, v, h: {"data": {"getOrCreateAnnotation": {
            "annotation": {"id": 11}, "firstLayer": None}}}
        self.assertEqual(self.client.get_or_create_annotation(
            1, 2, 3, image_id=0, name="mouse_01", layer_name="channels", layer_sequence=4, parent_id=0,
            is_group_layer=True), (11, -1))
        layer = self.server.requests[0]["variables"]["i"]["layer"]
        self.assertEqual(layer, {"name": "channels", "imageId": 0, "settings": "", "sequence": 4, "parentId": 0,
                                 "isGroup": True})

    def test_upload_is_a_graphql_multipart_request_and_waits_for_processing(self):
        states = iter(["PROCESSING", "READY"])

        def answer(q, v, h):
            if "imageByName" in q:
                return {"data": {"imageByName": None}}
            if "getOrUploadImage" in q:
                return {"data": {"getOrUploadImage": {"image": {"id": 5, "state": "PENDING", "error": None}}}}
            return {"data": {"image": {"id": 5, "state": next(states), "error": None}}}
        self.server.answer = answer
        with tempfile.NamedTemporaryFile(suffix=".png", delete=False) as f:
            f.write(b"\x89PNG fake bytes")
        try:
            self.assertEqual(self.client.get_or_upload_image(1, 2, f.name, 2, "mouse01_DAPI"), 5)
        finally:
            os.unlink(f.name)
        self.assertIn("imageByName", self.server.requests[0]["query"])  # looked up by name before sending the file
        upload = self.server.requests[1]
        self.assertEqual(upload["headers"]["graphql-preflight"], "1")
        self.assertEqual(upload["files"]["map"], {"0": ["variables.i.file"]})
        self.assertEqual(upload["files"]["0"], b"\x89PNG fake bytes")
        self.assertEqual(upload["variables"]["i"]["format"], 2)
        self.assertEqual(upload["variables"]["i"]["type"], "")
        self.assertEqual(len(self.server.requests), 4)  # lookup, upload, two polls

    def test_failed_processing_returns_minus_one_and_wait_false_returns_at_once(self):
        self.server.answer = lambda q, v, h: {"data": {"uploadImage": {
            "image": {"id": 9, "state": "FAILED", "error": "not an image"}}}}
        with tempfile.NamedTemporaryFile(delete=False) as f:
            f.write(b"junk")
        try:
            self.assertEqual(self.client.new_image(1, 2, f.name, 1, "junk"), -1)
            self.assertIn("not an image", str(self.client.last_error))
            self.server.answer = lambda q, v, h: {"data": {"uploadImage": {
                "image": {"id": 9, "state": "PENDING", "error": None}}}}
            self.assertEqual(self.client.new_image(1, 2, f.name, 1, "junk", wait=False), 9)
        finally:
            os.unlink(f.name)

    def test_external_images_send_no_file(self):
        self.server.answer = lambda q, v, h: {"data": {"uploadImage": {
            "image": {"id": 4, "state": "READY", "error": None}}}}
        self.assertEqual(self.client.new_image(1, 2, "", 1, "remote", im_type="E", url="https://x/y.png"), 4)
        self.assertEqual(self.server.requests[0]["variables"]["i"]["url"], "https://x/y.png")
        self.assertEqual(self.server.requests[0]["files"], {})

    def test_bad_format_codes_are_refused_before_any_request(self):
        self.assertEqual(self.client.new_image(1, 2, __file__, 9, "x"), -1)
        self.assertEqual(self.client.new_image(1, 2, __file__, 2, "x", im_type="Z"), -1)
        self.assertEqual(self.server.requests, [])

    def test_add_participant_uses_the_narrowest_scope_given(self):
        self.server.answer = lambda q, v, h: {"data": {"grantRole": {"permission": {"permissionId": 1}}}}
        self.client.add_participant(1, 10, 0, 0, 5)
        self.client.add_participant(1, 10, 20, 0, 5)
        self.client.add_participant(1, 10, 20, 30, 5)
        grants = [(r["variables"]["i"]["code"], r["variables"]["i"]["scopeId"]) for r in self.server.requests]
        self.assertEqual(grants, [("propar", 10), ("catpar", 20), ("annpar", 30)])

    def test_reports_use_the_manuals_column_names(self):
        self.server.answer = lambda q, v, h: {"data": {
            "projectSummary": {"totalParticipants": 3, "totalAnnotations": 120, "totalAnnotationsSubmitted": 85,
                               "totalAnnotationsShared": 12},
            "projectData": [{"project": "P", "category": "WT", "classification": "", "annotation": "m1",
                             "image": "img", "status": "N", "label": "", "imageUri": "/images/1"}]}}
        self.assertEqual(self.client.project_summary(1), {
            "total_participants": 3, "total_annotations": 120, "total_annotations_submitted": 85,
            "total_annotations_shared": 12})
        self.assertEqual(self.client.project_data(1)[0]["image_uri"], "/images/1")

    def test_get_or_upload_image_finds_an_existing_name_without_sending_the_file(self):
        self.server.answer = lambda q, v, h: {"data": {"imageByName": {"id": 8, "state": "READY", "error": None}}}
        self.assertEqual(self.client.get_or_upload_image(1, 2, __file__, 2, "mouse01_DAPI"), 8)
        self.assertEqual(len(self.server.requests), 1)
        self.assertEqual(self.server.requests[0]["files"], {})
        self.server.answer = lambda q, v, h: {"data": {"imageByName": {"id": 8, "state": "FAILED", "error": "bad"}}}
        self.assertEqual(self.client.get_or_upload_image(1, 2, __file__, 2, "mouse01_DAPI"), -1)
        self.assertEqual(self.client.get_or_upload_image(1, 2, __file__, 2, "mouse01_DAPI", wait=False), 8)

    def test_a_token_given_as_password_is_used_without_signing_in(self):
        def answer(q, v, h):
            if "{ me {" in q:
                ok = h.get("Authorization") == "Bearer mem_alice"
                return {"data": {"me": {"username": "alice"} if ok else None}}
            return {"errors": [{"message": "Invalid username or password",
                                "extensions": {"code": "UNAUTHENTICATED"}}]}
        self.server.answer = answer
        self.assertEqual(self.client.login("alice", "mem_alice"), 0)
        self.assertEqual(self.client.token, "mem_alice")
        self.assertFalse(any("login" in r["query"] for r in self.server.requests))
        # Logging out forgets a token the user supplied but does not revoke it on the server.
        self.assertEqual(self.client.logout(), 0)
        self.assertIsNone(self.client.token)
        self.assertFalse(any("logout" in r["query"] for r in self.server.requests))
        # Someone else's token (or a bad one) is not adopted; the password login is tried and fails.
        self.assertEqual(self.client.login("bob", "mem_alice"), -1)
        self.assertIsNone(self.client.token)
        self.assertIn("login", self.server.requests[-1]["query"])

    def test_reports_served_as_connections_are_read_page_by_page(self):
        pages = {None: ([{"project": "P", "category": "K", "annotation": "a1", "layer": "d", "content": "x"}], "c1"),
                 "c1": ([{"project": "P", "category": "K", "annotation": "a2", "layer": "d", "content": "y"}], None)}

        def answer(q, v, h):
            if "__type" in q:
                return {"data": {"__type": {"fields": [
                    {"name": "projectComments", "type": {"kind": "NON_NULL", "ofType": {"kind": "OBJECT"}}}]}}}
            rows, cursor = pages[v.get("after")]
            return {"data": {"projectComments": {"edges": [{"node": r} for r in rows],
                                                 "pageInfo": {"hasNextPage": cursor is not None,
                                                              "endCursor": cursor}}}}
        self.server.answer = answer
        comments = self.client.project_comments(1)
        self.assertEqual([c["annotation"] for c in comments], ["a1", "a2"])
        self.assertEqual(comments[1]["content"], "y")


if __name__ == "__main__":
    unittest.main()
