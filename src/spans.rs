//! Where each value of a YAML document is: a map from field paths
//! (`title`, `body[3].body[0].heading`, `attachments[1]`) to positions,
//! built from saphyr-parser's spanned events (serde_yaml_ng gives no spans
//! for values). Paths are the ones `crate::content::Paragraph::path` uses.

use saphyr_parser::{Event, Parser};

use crate::error::Pos;

/// What a node holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Scalar(String),
    Sequence,
    Mapping,
    Alias,
}

/// One value of the document.
#[derive(Debug, Clone)]
pub struct Node {
    pub path: String,
    pub value: Value,
    /// Char index of the node's first character (a quote, for a quoted
    /// scalar; the indicator, for a block scalar).
    pub start: usize,
    /// Char index just after the node.
    pub end: usize,
}

impl Node {
    pub fn text(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar(s) => Some(s),
            _ => None,
        }
    }
}

/// The YAML does not parse.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: String,
}

/// The positions of a document's values.
#[derive(Debug, Clone)]
pub struct Index {
    pub nodes: Vec<Node>,
    /// Each path's first node in `nodes`.
    by_path: std::collections::HashMap<String, usize>,
    chars: Vec<char>,
    /// Char index of the start of each line.
    line_starts: Vec<usize>,
}

enum Frame {
    Map {
        path: String,
        key: Option<String>,
        is_key: bool,
    },
    Seq {
        path: String,
        index: usize,
        is_key: bool,
    },
}

fn child_path(stack: &[Frame]) -> String {
    match stack.last() {
        Some(Frame::Map { path, key, .. }) => {
            let key = key.as_deref().unwrap_or("?");
            if path.is_empty() {
                key.to_string()
            } else {
                format!("{path}.{key}")
            }
        }
        Some(Frame::Seq { path, index, .. }) => format!("{path}[{index}]"),
        None => String::new(),
    }
}

/// After a value: a map waits for its next key, a sequence counts on.
fn advance(stack: &mut [Frame]) {
    match stack.last_mut() {
        Some(Frame::Map { key, .. }) => *key = None,
        Some(Frame::Seq { index, .. }) => *index += 1,
        None => {}
    }
}

/// Whether the next scalar or collection is a map's key.
fn expecting_key(stack: &[Frame]) -> bool {
    matches!(stack.last(), Some(Frame::Map { key: None, .. }))
}

impl Index {
    /// Indexes the first document of `text`.
    pub fn build(text: &str) -> Result<Index, SyntaxError> {
        let chars: Vec<char> = text.chars().collect();
        let mut line_starts = vec![0];
        line_starts.extend(
            chars
                .iter()
                .enumerate()
                .filter(|(_, c)| **c == '\n')
                .map(|(i, _)| i + 1),
        );
        let mut index = Index {
            nodes: Vec::new(),
            by_path: Default::default(),
            chars,
            line_starts,
        };
        let mut stack: Vec<Frame> = Vec::new();
        let mut parser = Parser::new_from_str(text);
        while let Some(event) = parser.next_event() {
            let (event, span) = event.map_err(|e| SyntaxError {
                pos: Pos {
                    line: e.marker().line(),
                    column: e.marker().col() + 1,
                },
                message: e.info().to_string(),
            })?;
            let (start, end) = (span.start.index(), span.end.index());
            match event {
                Event::DocumentEnd | Event::StreamEnd => break,
                Event::Scalar(value, ..) => {
                    if expecting_key(&stack) {
                        if let Some(Frame::Map { key, .. }) = stack.last_mut() {
                            *key = Some(value.to_string());
                        }
                    } else {
                        let path = child_path(&stack);
                        index.nodes.push(Node {
                            path,
                            value: Value::Scalar(value.to_string()),
                            start,
                            end,
                        });
                        advance(&mut stack);
                    }
                }
                Event::Alias(_) => {
                    if expecting_key(&stack) {
                        if let Some(Frame::Map { key, .. }) = stack.last_mut() {
                            *key = Some("*".into());
                        }
                    } else {
                        let path = child_path(&stack);
                        index.nodes.push(Node {
                            path,
                            value: Value::Alias,
                            start,
                            end,
                        });
                        advance(&mut stack);
                    }
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    let is_key = expecting_key(&stack);
                    let path = if is_key {
                        format!("{}.?", child_path(&stack))
                    } else {
                        child_path(&stack)
                    };
                    let seq = matches!(event, Event::SequenceStart(..));
                    index.nodes.push(Node {
                        path: path.clone(),
                        value: if seq { Value::Sequence } else { Value::Mapping },
                        start,
                        end,
                    });
                    stack.push(if seq {
                        Frame::Seq {
                            path,
                            index: 0,
                            is_key,
                        }
                    } else {
                        Frame::Map {
                            path,
                            key: None,
                            is_key,
                        }
                    });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    let was_key = matches!(
                        stack.pop(),
                        Some(Frame::Map { is_key: true, .. } | Frame::Seq { is_key: true, .. })
                    );
                    if was_key {
                        if let Some(Frame::Map { key, .. }) = stack.last_mut() {
                            *key = Some("?".into());
                        }
                    } else {
                        advance(&mut stack);
                    }
                }
                _ => {}
            }
        }
        for (i, node) in index.nodes.iter().enumerate() {
            index.by_path.entry(node.path.clone()).or_insert(i);
        }
        Ok(index)
    }

    /// The node at `path` (the first, if a key is written twice). Looked
    /// up in a map: a linear search per cell made a 10,000-row table's
    /// loading quadratic.
    pub fn get(&self, path: &str) -> Option<&Node> {
        self.by_path.get(path).map(|&i| &self.nodes[i])
    }

    /// A plain (unquoted, not block) scalar's text as written in the
    /// file, whatever YAML resolves it to (`0.50`, `007`, `true`).
    pub fn plain_scalar<'a>(&self, node: &'a Node) -> Option<&'a str> {
        let text = node.text()?;
        let first = *self.chars.get(node.start)?;
        (!matches!(first, '"' | '\'' | '|' | '>')).then_some(text)
    }

    /// The scalar text at `path`.
    pub fn text(&self, path: &str) -> Option<&str> {
        self.get(path).and_then(Node::text)
    }

    /// Where the value of `field` is written, or, given `ch`, where that
    /// character first stands in it. A cell written as a map points at its
    /// `text`; a list written as one value (`issuer: 市政府`) stands for its
    /// first item.
    pub fn locate(&self, field: &str, ch: Option<char>) -> Option<Pos> {
        let node = self
            .get(field)
            .filter(|n| ch.is_none() || n.text().is_some())
            .or_else(|| self.get(&format!("{field}.text")))
            .or_else(|| self.get(field.strip_suffix("[0]")?))?;
        let k = ch.and_then(|c| node.text()?.chars().position(|x| x == c));
        Some(k.map_or_else(|| self.start(node), |k| self.pos_in(node, k)))
    }

    /// Line and column (1-based, in characters) of char index `i`.
    pub fn pos(&self, i: usize) -> Pos {
        let line = self.line_starts.partition_point(|&s| s <= i).max(1);
        Pos {
            line,
            column: i - self.line_starts[line - 1] + 1,
        }
    }

    /// Where the node starts.
    pub fn start(&self, node: &Node) -> Pos {
        self.pos(node.start)
    }

    /// Where char `k` of a scalar's value is written in the file (found by
    /// its text after the place it would be without quoting or folding;
    /// the node's start if the text is not there verbatim).
    pub fn pos_in(&self, node: &Node, k: usize) -> Pos {
        let Some(value) = node.text() else {
            return self.start(node);
        };
        let value: Vec<char> = value.chars().collect();
        if k >= value.len() {
            return self.start(node);
        }
        let needle: Vec<char> = value[k..]
            .iter()
            .take(8)
            .take_while(|&&c| c != '\n')
            .copied()
            .collect();
        if needle.is_empty() {
            return self.start(node);
        }
        let end = node.end.min(self.chars.len());
        let from = (node.start + k).min(end);
        let find = |from: usize| {
            (from..end.saturating_sub(needle.len() - 1))
                .find(|&i| self.chars[i..i + needle.len()] == needle[..])
        };
        find(from)
            .or_else(|| find(node.start))
            .map_or(self.start(node), |i| self.pos(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "kind: 通知\ntitle: 关于测试的通知\ndate: 2020-01-02\nbody:\n  - 第一段,有逗号。\n  - heading: 甲\n    text: \"引号里,的文字\"\n    body:\n      - heading: 乙\n";

    #[test]
    fn paths_and_positions() {
        let ix = Index::build(DOC).unwrap();
        let paths: Vec<&str> = ix
            .nodes
            .iter()
            .filter(|n| n.text().is_some())
            .map(|n| n.path.as_str())
            .collect();
        assert_eq!(
            paths,
            [
                "kind",
                "title",
                "date",
                "body[0]",
                "body[1].heading",
                "body[1].text",
                "body[1].body[0].heading"
            ]
        );
        assert_eq!(
            ix.start(ix.get("title").unwrap()),
            Pos { line: 2, column: 8 }
        );
        assert_eq!(
            ix.start(ix.get("body[1].body[0].heading").unwrap()),
            Pos {
                line: 9,
                column: 18
            }
        );
        let p = ix.get("body[0]").unwrap();
        assert_eq!(ix.pos_in(p, 3), Pos { line: 5, column: 8 });
        let t = ix.get("body[1].text").unwrap();
        assert_eq!(
            ix.pos_in(t, 3),
            Pos {
                line: 7,
                column: 15
            }
        );
    }

    #[test]
    fn syntax_errors_have_positions() {
        let e = Index::build("title: \"unterminated\nbody: x\n").unwrap_err();
        assert!(e.pos.line >= 1, "{e:?}");
    }

    #[test]
    fn odd_shapes_do_not_confuse_the_walk() {
        let ix = Index::build("? [a, b]\n: c\nd: &x e\nf: *x\n").unwrap();
        assert!(ix.get("d").is_some() && ix.get("f").is_some());
        assert!(Index::build("").unwrap().nodes.is_empty());
    }
}
