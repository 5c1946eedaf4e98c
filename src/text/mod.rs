//! Analysers of Chinese text, shared by `gen import` (which repairs what
//! they find) and `gen check` (which reports it): [`punct`] finds
//! half-width punctuation in Chinese text (GB/T 15834), [`marker`] reads
//! heading numbers (§7.3.3), [`damage`] finds dates a scrape has damaged.
//! None of them knows a document or a report.

pub mod damage;
pub mod marker;
pub mod punct;
