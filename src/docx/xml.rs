//! A tiny XML writer: enough for WordprocessingML, always well-formed.

use std::fmt::Write;

/// Escapes text for element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 cannot carry at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// Builds an XML document: elements opened and closed in order.
#[derive(Default)]
pub struct Xml {
    out: String,
    stack: Vec<&'static str>,
}

impl Xml {
    pub fn new() -> Self {
        let mut x = Self::default();
        x.out
            .push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        x
    }

    fn attrs(&mut self, attrs: &[(&str, &str)]) {
        for (k, v) in attrs {
            let _ = write!(self.out, " {k}=\"{}\"", escape(v));
        }
    }

    /// Opens `<name attrs…>`.
    pub fn open(&mut self, name: &'static str, attrs: &[(&str, &str)]) -> &mut Self {
        self.out.push('<');
        self.out.push_str(name);
        self.attrs(attrs);
        self.out.push('>');
        self.stack.push(name);
        self
    }

    /// Writes `<name attrs…/>`.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.out.push('<');
        self.out.push_str(name);
        self.attrs(attrs);
        self.out.push_str("/>");
        self
    }

    /// Writes `<name attrs…>text</name>`.
    pub fn text_element(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> &mut Self {
        self.out.push('<');
        self.out.push_str(name);
        self.attrs(attrs);
        self.out.push('>');
        self.out.push_str(&escape(text));
        let _ = write!(self.out, "</{name}>");
        self
    }

    /// Closes the innermost open element.
    pub fn close(&mut self) -> &mut Self {
        let name = self.stack.pop().expect("close() matches an open()");
        let _ = write!(self.out, "</{name}>");
        self
    }

    /// The finished document.
    pub fn finish(self) -> String {
        assert!(self.stack.is_empty(), "unclosed elements: {:?}", self.stack);
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_nests() {
        let mut x = Xml::new();
        x.open("a", &[("k", "\"<&>")])
            .text_element("b", &[], "x<y & \u{1}z")
            .empty("c", &[])
            .close();
        let s = x.finish();
        assert!(
            s.ends_with("<a k=\"&quot;&lt;&amp;&gt;\"><b>x&lt;y &amp; z</b><c/></a>"),
            "{s}"
        );
    }
}
