//! gongwen: typesets Chinese official documents (公文) to GB/T 9704-2012.
//!
//! The stages, in order:
//!
//! 1. [`load`]: YAML → a validated [`model::Document`] ([`import`] writes
//!    that YAML from drafts; [`check`] lints it).
//! 2. [`content`]: the printed text of every element, in reading order.
//! 3. [`compose`]: items in page order, their lines broken on the
//!    standard's grid ([`geometry`], [`linebreak`], [`title`]), placed.
//! 4. [`layout`]: the one place that decides pages (Typst, through the
//!    template); one [`layout::Laid`] per document.
//! 5. Writers that only draw: [`pdf`] and [`docx`] read the laid-out
//!    document, [`html`] (no pages) the content. [`build`] runs them all,
//!    laying each document out once.

pub mod assets;
pub mod build;
pub mod check;
pub mod compose;
pub mod content;
pub mod date;
pub mod docx;
pub mod error;
pub mod fonts;
pub mod geometry;
pub mod html;
pub mod import;
pub mod layout;
pub mod limits;
pub mod load;
pub mod model;
pub mod numbering;
pub mod output;
pub mod pdf;
pub mod rules;
pub mod schema;
pub mod serve;
pub mod spans;
pub mod text;

pub use error::{Error, Result};
