#!/usr/bin/env python3
"""Validate DOCX files against the OOXML schemas and the Open XML SDK's
semantic rules (openxml-audit, a port of the SDK's validator), as JSON.

    docx_validate.py FILE.docx [FILE.docx ...]

Output, one line per file: {"file": path, "errors": [{"part": "/word/document.xml",
"path": "/document[1]/body[1]/p[3]", "node": "w:jc", "id": "Sch_...", "type":
"schema", "message": "..."}]}. Strict policy (the SDK's; a missing styles,
settings, font table or theme part is an error too), against the newest
Office version the validator knows (Microsoft 365), errors only (no
warnings), unlimited in number. Used by the DOCX tests: Word silently
repairs what this catches (elements out of schema order, for one).
"""
import json
import sys

from openxml_audit import FileFormat, OpenXmlValidator, ValidationSeverity

validator = OpenXmlValidator(
    file_format=FileFormat.MICROSOFT_365, max_errors=0, strict=True
)
for path in sys.argv[1:]:
    result = validator.validate(path)
    errors = [
        {
            "part": e.part_uri,
            "path": e.path,
            "node": e.node,
            "id": e.id,
            "type": e.error_type.value,
            "message": e.description,
        }
        for e in result.errors
        if e.severity == ValidationSeverity.ERROR
    ]
    json.dump({"file": path, "errors": errors}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
