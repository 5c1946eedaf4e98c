//! Escaping user text for HTML: every piece of the document's text goes
//! through one of these, so that `<script>` in a title prints as text.

/// Text content (between tags): `&`, `<` and `>` as character references.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// A double-quoted attribute value: also `"` and `'`.
pub fn attr(s: &str) -> String {
    text(s).replace('"', "&quot;").replace('\'', "&#39;")
}

/// JSON inside `<script type="application/ld+json">`: `<`, `>` and `&` as
/// JSON escapes, so that no `</script>` (or `<!--`) in the text can end
/// the element. They only occur inside JSON strings, where the escape means
/// the same character.
pub fn json_in_script(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_become_references() {
        assert_eq!(
            text("<script>a&b</script>"),
            "&lt;script&gt;a&amp;b&lt;/script&gt;"
        );
        assert_eq!(attr("\"x\" & 'y'"), "&quot;x&quot; &amp; &#39;y&#39;");
        assert_eq!(text("全角，（）“”"), "全角，（）“”");
    }

    #[test]
    fn json_cannot_close_the_script_element() {
        let j = serde_json::to_string("</script><!--&").unwrap();
        let e = json_in_script(&j);
        assert!(
            !e.contains('<') && !e.contains('>') && !e.contains('&'),
            "{e}"
        );
        let back: String = serde_json::from_str(&e).unwrap();
        assert_eq!(back, "</script><!--&");
    }
}
