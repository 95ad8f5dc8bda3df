"""Memento Python client: a drop-in replacement for the manual's memento_cl.py that speaks GraphQL.

Standard library only (urllib, json); Python 3.9 or newer. Every method keeps the manual's name, parameters,
defaults and return conventions: ids on success, -1 (or None for lists/dicts) on failure, never an exception for
a server-side refusal. The leading ``user_id`` parameters are kept for compatibility; the server acts as the
signed-in user (or the API token's owner) and checks permissions itself.

    client = MementoClient("http://server/memento/")          # the manual's address works as is
    client.login("alice", "secret")                             # 0 on success, -1 on failure
    client = MementoClient("http://server/", token="mem_...")   # or an API token instead of a password
"""

import json
import shutil
import mimetypes
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

__all__ = ["MementoClient", "MementoError"]

# Manual's image format codes (1-5) and type letters ('', 'T', 'E').
IMAGE_FORMATS = {1, 2, 3, 4, 5}
IMAGE_TYPES = {"", "T", "E"}
# API tokens start with this; login() accepts one in place of the password.
API_TOKEN_SCHEME = "mem_"


class MementoError(Exception):
    """A GraphQL error, with the server's extensions.code (FORBIDDEN, NOT_FOUND, ...)."""

    def __init__(self, message, code=None):
        super().__init__(message)
        self.code = code


def graphql_endpoint(url):
    """Derives the GraphQL endpoint from the address users already have.

    The manual's address is the web front end ("http://server/memento/"); the API lives at the server root,
    so a trailing "memento" (or "memento-api") segment is dropped. An address ending in /graphql is kept.
    """
    parts = urllib.parse.urlsplit(url.strip())
    path = parts.path.rstrip("/")
    if not path.endswith("/graphql"):
        segments = path.split("/")
        if segments and segments[-1] in ("memento", "memento-api"):
            segments = segments[:-1]
        path = "/".join(segments) + "/graphql"
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


class MementoClient:
    """Client for one Memento server. Not thread-safe (it keeps one credential)."""

    def __init__(self, url, token=None, timeout=3600, verbose=False):
        self.url = url
        self.endpoint = graphql_endpoint(url)
        self.token = token
        self._token_from_login = False
        self._query_shapes = None  # Query field name → "LIST" or "OBJECT" (connection), read once when needed
        # The manual's deployment used 3600 s proxy timeouts because processing big uploads takes minutes.
        self.timeout = timeout
        self.verbose = verbose
        self.last_error = None

    # ───────────────────────────── transport ─────────────────────────────

    def _headers(self, content_type):
        headers = {"Content-Type": content_type, "Accept": "application/graphql-response+json, application/json"}
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        return headers

    def _send(self, request):
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = response.read()
        except urllib.error.HTTPError as e:
            # GraphQL-over-HTTP answers 4xx with a JSON body describing the errors; read it.
            body = e.read()
            if not body:
                raise MementoError("HTTP %d %s" % (e.code, e.reason), "HTTP_%d" % e.code)
        except (urllib.error.URLError, OSError) as e:
            raise MementoError("cannot reach %s: %s" % (self.endpoint, e), "NETWORK")
        try:
            result = json.loads(body.decode("utf-8"))
        except ValueError:
            raise MementoError("the server did not answer with JSON", "BAD_RESPONSE")
        errors = result.get("errors")
        if errors:
            first = errors[0]
            code = (first.get("extensions") or {}).get("code")
            raise MementoError(first.get("message", "error"), code)
        return result.get("data") or {}

    def execute(self, query, variables=None):
        """Runs one GraphQL operation and returns its data; raises MementoError on any error."""
        payload = json.dumps({"query": query, "variables": variables or {}}).encode("utf-8")
        request = urllib.request.Request(self.endpoint, data=payload, method="POST",
                                         headers=self._headers("application/json"))
        return self._send(request)

    def _upload(self, query, variables, file_var_path, filepath):
        """GraphQL multipart request (operations, map, file), streamed from disk."""
        boundary = "memento-" + uuid.uuid4().hex
        operations = json.dumps({"query": query, "variables": variables}).encode("utf-8")
        file_map = json.dumps({"0": [file_var_path]}).encode("utf-8")
        filename = os.path.basename(filepath).replace('"', "_")
        mime = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        head = b"".join([
            b"--" + boundary.encode() + b"\r\n",
            b'Content-Disposition: form-data; name="operations"\r\n',
            b"Content-Type: application/json\r\n\r\n", operations, b"\r\n",
            b"--" + boundary.encode() + b"\r\n",
            b'Content-Disposition: form-data; name="map"\r\n',
            b"Content-Type: application/json\r\n\r\n", file_map, b"\r\n",
            b"--" + boundary.encode() + b"\r\n",
            ('Content-Disposition: form-data; name="0"; filename="%s"\r\n' % filename).encode("utf-8"),
            ("Content-Type: %s\r\n\r\n" % mime).encode(),
        ])
        tail = b"\r\n--" + boundary.encode() + b"--\r\n"
        size = os.path.getsize(filepath)

        def body():
            yield head
            with open(filepath, "rb") as f:
                while True:
                    chunk = f.read(1 << 20)
                    if not chunk:
                        break
                    yield chunk
            yield tail

        headers = self._headers("multipart/form-data; boundary=" + boundary)
        headers["Content-Length"] = str(len(head) + size + len(tail))
        # The server rejects multipart requests without this header (CSRF protection for uploads).
        headers["GraphQL-Preflight"] = "1"
        request = urllib.request.Request(self.endpoint, data=body(), method="POST", headers=headers)
        return self._send(request)

    def _try(self, fn, failure=-1):
        """Runs fn, mapping any MementoError to the manual's failure value (and remembering the reason)."""
        try:
            return fn()
        except MementoError as e:
            self.last_error = e
            if self.verbose:
                print("memento: %s (%s)" % (e, e.code), file=sys.stderr)
            return failure

    def _ok(self, query, variables):
        """Runs a mutation whose only result is success: 0, or -1 on failure."""
        def run():
            self.execute(query, variables)
            return 0
        return self._try(run)

    def _id(self, query, variables, *path):
        def run():
            value = self.execute(query, variables)
            for key in path:
                if value is None:
                    return -1
                value = value.get(key)
            return -1 if value is None else int(value)
        return self._try(run)

    # ───────────────────────────── authentication ─────────────────────────────

    def login(self, username, password):
        """Signs in and keeps an API token for later calls. Returns 0 on success, -1 on failure.

        The password may also be an API token ("mem_..."), so the manual's scripts run with PASSWORD set to a token
        instead of a password: the token is kept if it belongs to ``username``.
        """
        if isinstance(password, str) and password.startswith(API_TOKEN_SCHEME):
            if self._adopt_token(username, password) == 0:
                return 0
            # Not a valid token of this user: it may still be a password that merely looks like one.

        def run():
            data = self.execute(
                "mutation($input: LoginInput!) { login(input: $input) { token user { id } } }",
                {"input": {"username": username, "password": password, "mode": "TOKEN",
                           "tokenName": "memento_cl"}})
            token = (data.get("login") or {}).get("token")
            if not token:
                return -1
            self.token = token
            self._token_from_login = True
            return 0
        return self._try(run)

    def _adopt_token(self, username, token):
        previous = self.token
        self.token = token

        def run():
            me = self.execute("{ me { username } }").get("me")
            if me is None or me.get("username", "").lower() != (username or "").strip().lower():
                raise MementoError("the API token does not belong to %r" % username, "UNAUTHENTICATED")
            self._token_from_login = False
            return 0
        result = self._try(run)
        if result != 0:
            self.token = previous
        return result

    def logout(self):
        """Forgets the credential. A token made by login() is revoked on the server; a token the caller supplied
        (constructor or login with a token) is only forgotten here, so it keeps working elsewhere. Returns 0 or -1."""
        if not self._token_from_login:
            self.token = None
            return 0

        def run():
            self.execute("mutation { logout { ok } }")
            self.token = None
            self._token_from_login = False
            return 0
        return self._try(run)

    def get_user_id(self, username):
        return self._id("query($u: String!) { userByName(username: $u) { id } }", {"u": username},
                        "userByName", "id")

    # ───────────────────────────── projects ─────────────────────────────

    def get_project_id(self, *args):
        """get_project_id([user_id,] name) → project id or -1.

        Project names are unique per owner: among the projects you can see, your own comes first, then the lowest id.
        """
        name = args[-1]
        return self._id("query($n: String!) { projectByName(name: $n) { id } }", {"n": name},
                        "projectByName", "id")

    def new_project(self, user_id, name, settings=""):
        return self._id("mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } } }",
                        {"i": {"name": name, "settings": settings or ""}}, "createProject", "project", "id")

    def get_or_create_project(self, user_id, name, settings=""):
        return self._id(
            "mutation($i: CreateProjectInput!) { getOrCreateProject(input: $i) { project { id } } }",
            {"i": {"name": name, "settings": settings or ""}}, "getOrCreateProject", "project", "id")

    def edit_project(self, user_id, project_id, name, settings=""):
        def run():
            self.execute("mutation($r: RenameInput!, $s: SetSettingsInput!) {"
                         " renameProject(input: $r) { project { id } }"
                         " setProjectSettings(input: $s) { project { id } } }",
                         {"r": {"id": project_id, "name": name}, "s": {"id": project_id, "settings": settings or ""}})
            return project_id
        return self._try(run)

    def delete_project(self, user_id, project_id):
        return self._delete("deleteProject", project_id)

    def _delete(self, field, entity_id):
        return self._ok("mutation($i: DeleteInput!) { %s(input: $i) { deletedId } }" % field,
                        {"i": {"id": int(entity_id)}})

    # ───────────────────────────── categories ─────────────────────────────

    def get_category_id(self, *args):
        """get_category_id([user_id,] project_id, name) → category id or -1."""
        project_id, name = args[-2], args[-1]
        return self._id("query($p: Long!, $n: String!) { categoryByName(projectId: $p, name: $n) { id } }",
                        {"p": int(project_id), "n": name}, "categoryByName", "id")

    def new_category(self, user_id, project_id, name, settings=""):
        return self._id("mutation($i: CreateCategoryInput!) { createCategory(input: $i) { category { id } } }",
                        {"i": {"projectId": int(project_id), "name": name, "settings": settings or ""}},
                        "createCategory", "category", "id")

    def get_or_create_category(self, user_id, project_id, name, settings=""):
        return self._id(
            "mutation($i: CreateCategoryInput!) { getOrCreateCategory(input: $i) { category { id } } }",
            {"i": {"projectId": int(project_id), "name": name, "settings": settings or ""}},
            "getOrCreateCategory", "category", "id")

    def delete_category(self, *args):
        """delete_category(user_id, [project_id,] category_id) → 0 or -1."""
        return self._delete("deleteCategory", args[-1])

    # ───────────────────────────── images ─────────────────────────────

    _IMAGE_FIELDS = "image { id state error }"

    def new_image(self, user_id, project_id, filepath, im_format, name, im_type="", url="", wait=True):
        """Uploads a file (or registers an external URL when im_type='E') and returns the image id.

        Waits until the server has processed the image, like the manual's client did; returns -1 if processing
        failed or did not finish within the client's timeout. wait=False returns the id at once.
        """
        return self._upload_image("uploadImage", user_id, project_id, filepath, im_format, name, im_type, url, wait)

    def get_or_upload_image(self, user_id, project_id, filepath, im_format, name, im_type="", url="", wait=True):
        """Returns the id of the project's image with this name, or uploads it (see new_image).

        An existing image is found by name first, so re-running an import does not send its files again; it is
        still waited for (if it is being processed) and -1 if its processing failed.
        """
        if self._image_args(filepath, im_format, im_type) is None:
            return -1

        def existing():
            image = self.execute("query($p: Long!, $n: String!) { imageByName(projectId: $p, name: $n)"
                                 " { id state error } }", {"p": int(project_id), "n": name}).get("imageByName")
            if image is None:
                return None
            return int(image["id"]) if not wait else self._wait(image["id"], image, None)
        found = self._try(existing, -1)
        if found is not None:
            return found
        return self._upload_image("getOrUploadImage", user_id, project_id, filepath, im_format, name, im_type,
                                  url, wait)

    def _image_args(self, filepath, im_format, im_type):
        """(format, type) checked before anything is sent, or None with the reason in last_error."""
        im_type = im_type or ""
        try:
            im_format = int(im_format)
        except (TypeError, ValueError):
            im_format = None
        if im_format not in IMAGE_FORMATS or im_type not in IMAGE_TYPES:
            self.last_error = MementoError("im_format must be 1-5 and im_type '', 'T' or 'E'", "VALIDATION")
            return None
        if im_type != "E" and not os.path.isfile(filepath or ""):
            self.last_error = MementoError("no such file: %r" % filepath, "VALIDATION")
            return None
        return im_format, im_type

    def _upload_image(self, field, user_id, project_id, filepath, im_format, name, im_type, url, wait):
        checked = self._image_args(filepath, im_format, im_type)
        if checked is None:
            return -1
        im_format, im_type = checked
        query = "mutation($i: UploadImageInput!) { %s(input: $i) { %s } }" % (field, self._IMAGE_FIELDS)
        variables = {"i": {"projectId": int(project_id), "name": name, "format": im_format,
                           "type": im_type, "url": url or None, "file": None}}

        def run():
            if im_type == "E":
                data = self.execute(query, variables)
            else:
                data = self._upload(query, variables, "variables.i.file", filepath)
            image = (data.get(field) or {}).get("image")
            if not image:
                return -1
            if not wait:
                return int(image["id"])
            return self._wait(image["id"], image, None)
        return self._try(run)

    def wait_for_image(self, image_id, known=None, timeout=None):
        """Polls until the image is READY (returns its id) or FAILED / timed out / unreadable (returns -1)."""
        return self._try(lambda: self._wait(image_id, known, timeout))

    def _wait(self, image_id, known, timeout):
        started = time.monotonic()
        deadline = started + (timeout if timeout is not None else self.timeout)
        image = known
        while True:
            state = (image or {}).get("state")
            if state == "READY":
                return int(image_id)
            if state == "FAILED":
                self.last_error = MementoError("image processing failed: %s" % (image or {}).get("error"), "FAILED")
                return -1
            now = time.monotonic()
            if now >= deadline:
                self.last_error = MementoError("image %s not processed in time" % image_id, "TIMEOUT")
                return -1
            # Small images are ready in a few seconds, whole-slide scans take minutes: poll at about a tenth of
            # the time waited so far, so the delay added stays near 10% without hammering the server.
            time.sleep(min(0.25 + (now - started) / 10, 10.0, max(deadline - now, 0.01)))
            image = self.execute("query($id: Long!) { image(id: $id) { id state error } }",
                                 {"id": int(image_id)}).get("image")
            if image is None:
                return -1

    def get_image_id(self, *args):
        """get_image_id([user_id,] project_id, name) → image id or -1."""
        project_id, name = args[-2], args[-1]
        return self._id("query($p: Long!, $n: String!) { imageByName(projectId: $p, name: $n) { id } }",
                        {"p": int(project_id), "n": name}, "imageByName", "id")

    def image_state(self, image_id):
        """'PENDING', 'PROCESSING', 'READY' or 'FAILED'; None on failure."""
        return self._try(lambda: (self.execute("query($id: Long!) { image(id: $id) { state } }",
                                               {"id": int(image_id)}).get("image") or {}).get("state"), None)

    def delete_image(self, *args):
        """delete_image(user_id, [project_id,] image_id) → 0 or -1."""
        return self._delete("deleteImage", args[-1])

    # ───────────────────────────── annotations ─────────────────────────────

    def _annotation(self, field, category_id, image_id, name, layer_name, layer_settings, layer_sequence,
                    parent_id, is_group_layer):
        layer = {"name": layer_name, "imageId": int(image_id or 0), "settings": layer_settings or "",
                 "sequence": int(layer_sequence), "parentId": max(int(parent_id or 0), 0),
                 "isGroup": bool(is_group_layer)}

        def run():
            data = self.execute(
                "mutation($i: CreateAnnotationInput!) { %s(input: $i) { annotation { id } firstLayer { id } } }"
                % field, {"i": {"categoryId": int(category_id), "name": name, "layer": layer}})
            payload = data.get(field) or {}
            annotation = payload.get("annotation")
            if not annotation:
                return (-1, -1)
            first = payload.get("firstLayer")
            return (int(annotation["id"]), int(first["id"]) if first else -1)
        return self._try(run, (-1, -1))

    def new_annotation(self, user_id, project_id, category_id, image_id, name, layer_name, layer_settings="",
                       layer_sequence=1, parent_id=0, is_group_layer=False):
        """Creates an annotation with its first layer. Returns (annotation_id, layer_id), (-1, -1) on failure."""
        return self._annotation("createAnnotation", category_id, image_id, name, layer_name, layer_settings,
                                layer_sequence, parent_id, is_group_layer)

    def get_or_create_annotation(self, user_id, project_id, category_id, image_id, name, layer_name,
                                 layer_settings="", layer_sequence=1, parent_id=0, is_group_layer=False):
        """Returns (annotation_id, -1) if the annotation exists, otherwise creates it: (annotation_id, layer_id)."""
        return self._annotation("getOrCreateAnnotation", category_id, image_id, name, layer_name, layer_settings,
                                layer_sequence, parent_id, is_group_layer)

    def get_annotation_id(self, *args):
        """get_annotation_id([user_id,] [project_id,] category_id, name) → annotation id or -1."""
        category_id, name = args[-2], args[-1]
        return self._id("query($c: Long!, $n: String!) { annotationByName(categoryId: $c, name: $n) { id } }",
                        {"c": int(category_id), "n": name}, "annotationByName", "id")

    def delete_annotation(self, *args):
        """delete_annotation(user_id, [project_id, category_id,] annotation_id) → 0 or -1."""
        return self._delete("deleteAnnotation", args[-1])

    def submit_annotation(self, *args):
        """submit_annotation([user_id, project_id,] annotation_id) → 0 or -1 (status becomes 'S')."""
        return self._ok(
            "mutation($i: SubmitAnnotationInput!) { submitAnnotation(input: $i) { annotation { id } } }",
            {"i": {"id": int(args[-1])}})

    # ───────────────────────────── layers ─────────────────────────────

    def _layer(self, field, annotation_id, image_id, name, layer_settings, layer_sequence, parent_id, kind):
        payload_field = "layer { id }"
        return self._id(
            "mutation($i: CreateLayerInput!) { %s(input: $i) { %s } }" % (field, payload_field),
            {"i": {"annotationId": int(annotation_id), "name": name, "kind": kind, "imageId": int(image_id or 0),
                   "settings": layer_settings or "", "sequence": int(layer_sequence),
                   "parentId": max(int(parent_id or 0), 0)}},
            field, "layer", "id")

    def new_image_layer(self, user_id, project_id, category_id, annotation_id, image_id, name, layer_settings="",
                        layer_sequence=-1, parent_id=0):
        """Adds an image layer; layer_sequence=-1 appends after the last layer. Returns the layer id or -1."""
        return self._layer("createLayer", annotation_id, image_id, name, layer_settings, layer_sequence,
                           parent_id, "IMAGE")

    def new_group_layer(self, user_id, project_id, category_id, annotation_id, name, layer_settings="",
                        layer_sequence=-1, parent_id=0):
        return self._layer("createLayer", annotation_id, 0, name, layer_settings, layer_sequence, parent_id,
                           "GROUP")

    def new_drawing_layer(self, user_id, project_id, category_id, annotation_id, name, layer_sequence=-1):
        return self._layer("createLayer", annotation_id, 0, name, "", layer_sequence, 0, "DRAWING")

    def get_or_create_layer(self, user_id, project_id, category_id, annotation_id, image_id, name,
                            layer_settings="", layer_sequence=-1, parent_id=0):
        """Returns the id of the annotation's layer with this name, or creates it."""
        return self._layer("getOrCreateLayer", annotation_id, image_id, name, layer_settings, layer_sequence,
                           parent_id, "IMAGE")

    def edit_layer(self, user_id, project_id, category_id, annotation_id, layer_id, image_id, name,
                   layer_settings, layer_sequence, parent_id):
        """Updates a layer's image, name, settings, sequence and parent. Returns the layer id or -1."""
        return self._id(
            "mutation($i: EditLayerInput!) { editLayer(input: $i) { layer { id } } }",
            {"i": {"id": int(layer_id), "imageId": int(image_id or 0), "name": name,
                   "settings": layer_settings or "", "sequence": int(layer_sequence),
                   "parentId": max(int(parent_id or 0), 0)}},
            "editLayer", "layer", "id")

    def get_layer_id(self, *args):
        """get_layer_id([user_id, project_id, category_id,] annotation_id, name) → layer id or -1."""
        annotation_id, name = args[-2], args[-1]
        return self._id("query($a: Long!, $n: String!) { layerByName(annotationId: $a, name: $n) { id } }",
                        {"a": int(annotation_id), "n": name}, "layerByName", "id")

    def delete_layer(self, *args):
        """delete_layer(user_id, [project_id, category_id, annotation_id,] layer_id) → 0 or -1."""
        return self._delete("deleteLayer", args[-1])

    # ───────────────────────────── labels ─────────────────────────────

    def new_label(self, user_id, project_id, name):
        return self._id("mutation($i: CreateLabelInput!) { createLabel(input: $i) { label { id } } }",
                        {"i": {"projectId": int(project_id), "name": name}}, "createLabel", "label", "id")

    def get_or_create_label(self, user_id, project_id, name):
        return self._id("mutation($i: CreateLabelInput!) { getOrCreateLabel(input: $i) { label { id } } }",
                        {"i": {"projectId": int(project_id), "name": name}}, "getOrCreateLabel", "label", "id")

    def get_label_id(self, *args):
        """get_label_id([user_id,] project_id, name) → label id or -1."""
        project_id, name = args[-2], args[-1]
        return self._id("query($p: Long!, $n: String!) { labelByName(projectId: $p, name: $n) { id } }",
                        {"p": int(project_id), "n": name}, "labelByName", "id")

    def get_annotation_labels(self, *args):
        """get_annotation_labels([user_id, project_id,] annotation_id) → list of label names, None on failure."""
        def run():
            annotation = self.execute("query($id: Long!) { annotation(id: $id) { labels { name } } }",
                                      {"id": int(args[-1])}).get("annotation")
            return None if annotation is None else [label["name"] for label in annotation["labels"]]
        return self._try(run, None)

    def set_annotation_labels(self, user_id, project_id, annotation_id, labels_list):
        """Replaces all labels of the annotation (names must exist in the project). Returns 0 or -1."""
        return self._ok(
            "mutation($i: SetAnnotationLabelsInput!) { setAnnotationLabels(input: $i) { annotation { id } } }",
            {"i": {"annotationId": int(annotation_id), "labels": list(labels_list)}})

    def edit_label(self, user_id, project_id, label_id, name):
        """Renames the label (annotations keep it). Returns its id, or -1 (e.g. the name is taken)."""
        return self._id("mutation($i: RenameInput!) { renameLabel(input: $i) { label { id } } }",
                        {"i": {"id": int(label_id), "name": name}}, "renameLabel", "label", "id")

    def get_project_labels(self, *args):
        """get_project_labels([user_id,] project_id) → the project's label names (by name), None on failure."""
        def run():
            project = self.execute("query($id: Long!) { project(id: $id) { labels { name } } }",
                                   {"id": int(args[-1])}).get("project")
            return None if project is None else [label["name"] for label in project["labels"]]
        return self._try(run, None)

    def delete_label(self, *args):
        """delete_label(user_id, [project_id,] label_id) → 0 or -1 (the label leaves every annotation)."""
        return self._delete("deleteLabel", args[-1])

    # ───────────────────────────── classifications ─────────────────────────────

    def new_classification(self, user_id, project_id, name, ctype="M", data=""):
        """Creates a classification ('M' = multiple choice; data holds the option values). Returns its id."""
        return self._id(
            "mutation($i: CreateClassificationInput!) { createClassification(input: $i) { classification { id } } }",
            {"i": {"projectId": int(project_id), "name": name, "typeCode": ctype or "M", "data": _text(data)}},
            "createClassification", "classification", "id")

    def get_or_create_classification(self, user_id, project_id, name, ctype="M", data=""):
        return self._id(
            "mutation($i: CreateClassificationInput!) { getOrCreateClassification(input: $i)"
            " { classification { id } } }",
            {"i": {"projectId": int(project_id), "name": name, "typeCode": ctype or "M", "data": _text(data)}},
            "getOrCreateClassification", "classification", "id")

    def get_classification_id(self, *args):
        """get_classification_id([user_id,] project_id, name) → id or -1."""
        project_id, name = args[-2], args[-1]
        return self._id("query($p: Long!, $n: String!) { classificationByName(projectId: $p, name: $n) { id } }",
                        {"p": int(project_id), "n": name}, "classificationByName", "id")

    def get_category_classifications(self, *args):
        """get_category_classifications([user_id, project_id,] category_id) → list of names, None on failure."""
        def run():
            category = self.execute("query($id: Long!) { category(id: $id) { classifications { name } } }",
                                    {"id": int(args[-1])}).get("category")
            return None if category is None else [c["name"] for c in category["classifications"]]
        return self._try(run, None)

    def set_category_classifications(self, user_id, project_id, category_id, classifications_list):
        """Links the named classifications to the category, replacing previous links. Returns 0 or -1."""
        return self._ok(
            "mutation($i: LinkClassificationsInput!) { linkClassifications(input: $i)"
            " { classifications { id } } }",
            {"i": {"categoryId": int(category_id), "names": list(classifications_list)}})

    # Names some scripts of the older client used.
    get_classifications = get_category_classifications
    set_classifications = set_category_classifications

    def delete_classification(self, *args):
        """delete_classification(user_id, [project_id,] classification_id) → 0 or -1."""
        return self._delete("deleteClassification", args[-1])

    # ───────────────────────────── participants and viewers ─────────────────────────────

    def _grant(self, kind, project_id, category_id, annotation_id, participant_id):
        # Narrowest scope given wins, as in the manual: annotation, else category, else project.
        if annotation_id:
            code, scope_id = "ann" + kind, annotation_id
        elif category_id:
            code, scope_id = "cat" + kind, category_id
        else:
            code, scope_id = "pro" + kind, project_id
        return self._id(
            "mutation($i: GrantRoleInput!) { grantRole(input: $i) { permission { permissionId } } }",
            {"i": {"userId": int(participant_id), "code": code, "scopeId": int(scope_id)}},
            "grantRole", "permission", "permissionId")

    def add_participant(self, user_id, project_id, category_id, annotation_id, participant_id):
        """Lets participant_id annotate the annotation, else the category, else the whole project."""
        return self._grant("par", project_id, category_id, annotation_id, participant_id)

    def add_viewer(self, user_id, project_id, category_id, annotation_id, viewer_id):
        """Read-only access at the same three scopes as add_participant."""
        return self._grant("vie", project_id, category_id, annotation_id, viewer_id)

    # ───────────────────────────── reports ─────────────────────────────

    def project_summary(self, *args):
        """project_summary([user_id,] project_id) → {'total_participants', 'total_annotations',
        'total_annotations_submitted', 'total_annotations_shared'}, None on failure."""
        def run():
            s = self.execute("query($p: Long!) { projectSummary(projectId: $p) { totalParticipants"
                             " totalAnnotations totalAnnotationsSubmitted totalAnnotationsShared } }",
                             {"p": int(args[-1])})["projectSummary"]
            return {"total_participants": s["totalParticipants"], "total_annotations": s["totalAnnotations"],
                    "total_annotations_submitted": s["totalAnnotationsSubmitted"],
                    "total_annotations_shared": s["totalAnnotationsShared"]}
        return self._try(run, None)

    def _rows(self, field, columns, project_id):
        selection = " ".join(_camel(c) for c in columns)

        def run():
            rows = self._report(field, selection, int(project_id))
            return [{c: row[_camel(c)] for c in columns} for row in rows]
        return self._try(run, None)

    def _report(self, field, selection, project_id):
        """All rows of a report, whether the server serves it as a plain list or as a Relay connection (top-level
        lists may become connections), so scripts keep working across server versions."""
        if not self._is_connection(field):
            return self.execute("query($p: Long!) { %s(projectId: $p) { %s } }" % (field, selection),
                                {"p": project_id})[field]
        rows, after = [], None
        while True:
            page = self.execute(
                "query($p: Long!, $after: String) { %s(projectId: $p, after: $after)"
                " { edges { node { %s } } pageInfo { hasNextPage endCursor } } }" % (field, selection),
                {"p": project_id, "after": after})[field]
            rows.extend(edge["node"] for edge in page["edges"])
            if not page["pageInfo"]["hasNextPage"]:
                return rows
            after = page["pageInfo"]["endCursor"]

    def _is_connection(self, field):
        if self._query_shapes is None:
            fields = self.execute('{ __type(name: "Query") { fields { name type { kind ofType { kind } } } } }')
            self._query_shapes = {}
            for f in (fields.get("__type") or {}).get("fields") or []:
                t = f["type"]
                kind = (t.get("ofType") or {}).get("kind") if t["kind"] == "NON_NULL" else t["kind"]
                self._query_shapes[f["name"]] = kind
        return self._query_shapes.get(field) == "OBJECT"

    def project_data(self, *args):
        """One row per annotation: project, category, classification, annotation, image, status, label, image_uri."""
        return self._rows("projectData", ["project", "category", "classification", "annotation", "image",
                                          "status", "label", "image_uri"], args[-1])

    def project_rois(self, *args):
        """All ROIs: project, category, annotation, layer, data (JSON text)."""
        return self._rows("projectRois", ["project", "category", "annotation", "layer", "data"], args[-1])

    def project_comments(self, *args):
        """All comments: project, category, annotation, layer, content."""
        return self._rows("projectComments", ["project", "category", "annotation", "layer", "content"], args[-1])


    # ───────────────────────────── one-click exports ─────────────────────────────

    EXPORTS = ("annotations.csv", "annotations.json", "comments.json", "rois.json", "rois.geojson", "rois.coco.json")

    def download_export(self, project_id, file, destination):
        """Downloads one of the project's exports (a name in EXPORTS: the project editor's buttons) to the file
        destination, streamed to disk as the server writes it. Returns destination, or None on failure."""
        def run():
            if file not in self.EXPORTS:
                raise MementoError("unknown export %r; one of %s" % (file, ", ".join(self.EXPORTS)), "VALIDATION")
            root = self.endpoint[: -len("/graphql")] if self.endpoint.endswith("/graphql") else self.endpoint
            url = "%s/projects/%d/exports/%s" % (root.rstrip("/"), int(project_id), file)
            headers = {"Authorization": "Bearer " + self.token} if self.token else {}
            request = urllib.request.Request(url, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    # Without a valid token the server sends browsers to its login page; that is no export.
                    if "/login" in urllib.parse.urlsplit(response.geturl()).path:
                        raise MementoError("sign in first (login or an API token)", "UNAUTHENTICATED")
                    with open(destination, "wb") as out:
                        shutil.copyfileobj(response, out, 1 << 16)
            except urllib.error.HTTPError as e:
                raise MementoError("HTTP %d %s" % (e.code, e.reason), "HTTP_%d" % e.code)
            except (urllib.error.URLError, OSError) as e:
                raise MementoError("cannot download %s: %s" % (url, e), "NETWORK")
            return destination
        return self._try(run, None)

    def export_annotations_csv(self, project_id, destination):
        """The annotation data as CSV (project_data's rows and columns)."""
        return self.download_export(project_id, "annotations.csv", destination)

    def export_annotations_json(self, project_id, destination):
        return self.download_export(project_id, "annotations.json", destination)

    def export_comments_json(self, project_id, destination):
        return self.download_export(project_id, "comments.json", destination)

    def export_rois_fabric(self, project_id, destination):
        """The ROIs as Fabric.js objects (project_rois' rows)."""
        return self.download_export(project_id, "rois.json", destination)

    def export_rois_geojson(self, project_id, destination):
        """The ROIs as a QuPath-compatible GeoJSON FeatureCollection."""
        return self.download_export(project_id, "rois.geojson", destination)

    def export_rois_coco(self, project_id, destination):
        """The ROIs as COCO JSON (images, categories, annotations with segmentation and bbox)."""
        return self.download_export(project_id, "rois.coco.json", destination)


def _camel(name):
    head, *rest = name.split("_")
    return head + "".join(word.capitalize() for word in rest)


def _text(data):
    """Classification options may be given as a list; the server stores them as one comma-separated string."""
    if isinstance(data, (list, tuple)):
        return ",".join(str(x) for x in data)
    return "" if data is None else str(data)
