//! gongwen: typesets Chinese official documents (公文) to GB/T 9704-2012.
//!
//! Readers build one [`model::Document`]; [`compose`] lays its elements out
//! in page order with the standard's spacing ([`geometry`]); the writers
//! ([`pdf`]) set that composition and never decide content on their own.

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
pub mod load;
pub mod model;
pub mod numbering;
pub mod output;
pub mod pdf;
pub mod rules;
pub mod schema;
pub mod spans;
pub mod text;

pub use error::{Error, Result};
