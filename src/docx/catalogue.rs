//! gongwen's paragraph styles: each one's id, the name Word shows in its
//! style pane, its typeface role and layout; the style each composed item
//! takes; the fonts a role asks for. `styles.rs` writes them into
//! `word/styles.xml`.

use super::{FontNames, header, table};
use crate::compose::ItemKind;
use crate::fonts::{FontSet, Role};

/// How a paragraph style lays its paragraphs out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    /// 左空二字 (§7.3.3), justified: the body, which Normal carries.
    Body,
    /// Centred, no indent.
    Centred,
    /// Flush left, justified (主送机关, 附件说明).
    Flush,
    /// Flush left, not justified (版头 lines, 成文日期).
    Left,
    /// Right-aligned 右空二字 (the 署名, §7.3.5.2).
    RightTwoChars,
    /// The page number: its own exact line (see `footer`).
    PageNumber,
}

/// A paragraph style of ours: id, name shown in Word's style pane, role.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    pub id: &'static str,
    pub name: &'static str,
    pub role: Role,
    pub layout: Layout,
    /// Outline level (shown in Word's navigation pane), for headings.
    pub outline: Option<u8>,
    /// The style Word gives the paragraph after it when the user presses
    /// Enter (`w:next`; without it Word repeats the style, ISO/IEC 29500-1
    /// §17.7.4.10).
    pub next: Option<&'static str>,
}

/// 正文: Word's built-in Normal (正文 in Chinese Word and WPS) carries the
/// body format, so that 清除格式, a paste that merges formatting and new
/// documents' paragraphs all give body text.
pub(crate) const BODY: Style = Style {
    id: "Normal",
    name: "Normal",
    role: Role::Body,
    layout: Layout::Body,
    outline: None,
    next: None,
};
pub(crate) const TITLE: Style = Style {
    id: "GwTitle",
    name: "公文标题",
    role: Role::Title,
    layout: Layout::Centred,
    outline: None,
    next: Some(BODY.id),
};
pub(crate) const HEADINGS: [Style; 4] = [
    Style {
        id: "GwHeading1",
        name: "一级标题",
        role: Role::Hei,
        layout: Layout::Body,
        outline: Some(0),
        next: Some(BODY.id),
    },
    Style {
        id: "GwHeading2",
        name: "二级标题",
        role: Role::Kai,
        layout: Layout::Body,
        outline: Some(1),
        next: Some(BODY.id),
    },
    Style {
        id: "GwHeading3",
        name: "三级标题",
        role: Role::Body,
        layout: Layout::Body,
        outline: Some(2),
        next: Some(BODY.id),
    },
    Style {
        id: "GwHeading4",
        name: "四级标题",
        role: Role::Body,
        layout: Layout::Body,
        outline: Some(3),
        next: Some(BODY.id),
    },
];
pub(crate) const ADDRESSEES: Style = Style {
    id: "GwAddressees",
    name: "主送机关",
    role: Role::Body,
    layout: Layout::Flush,
    outline: None,
    next: Some(BODY.id),
};
pub(crate) const ATTACHMENT: Style = Style {
    id: "GwAttachment",
    name: "附件说明",
    role: Role::Body,
    layout: Layout::Flush,
    outline: None,
    next: None,
};
pub(crate) const SIGNATURE: Style = Style {
    id: "GwSignature",
    name: "发文机关署名",
    role: Role::Body,
    layout: Layout::RightTwoChars,
    outline: None,
    next: Some(DATE.id),
};
pub(crate) const DATE: Style = Style {
    id: "GwDate",
    name: "成文日期",
    role: Role::Body,
    layout: Layout::Left,
    outline: None,
    next: Some(BODY.id),
};
pub(crate) const NOTE: Style = Style {
    id: "GwNote",
    name: "附注",
    role: Role::Body,
    layout: Layout::Body,
    outline: None,
    next: Some(BODY.id),
};
/// 附件N on an attachment's first page (§7.3.7): 3号黑体, flush left.
pub(crate) const ATTACHMENT_LABEL: Style = Style {
    id: "GwAttachmentLabel",
    name: "附件标识",
    role: Role::Hei,
    layout: Layout::Left,
    outline: None,
    next: Some(TITLE.id),
};
/// A 纪要's attendance list (§10.3): flush left; its paragraphs carry the
/// label's indent and the hanging indent of the wrapped lines.
pub(crate) const ATTENDANCE: Style = Style {
    id: "GwAttendance",
    name: "出席列席",
    role: Role::Body,
    layout: Layout::Left,
    outline: None,
    next: Some(BODY.id),
};
/// Not 页码: that is the display name of Word's built-in character style
/// "page number" in Chinese Word.
pub(crate) const PAGE_NUMBER: Style = Style {
    id: "GwPageNumber",
    name: "公文页码",
    role: Role::Song,
    layout: Layout::PageNumber,
    outline: None,
    next: None,
};

/// Every paragraph style but Normal, in the order styles.xml lists them
/// (and Word's style gallery shows them).
pub(crate) fn paragraph_styles() -> Vec<Style> {
    let mut v = vec![TITLE];
    v.extend(header::styles());
    v.extend(HEADINGS);
    v.extend([
        ADDRESSEES,
        ATTACHMENT,
        SIGNATURE,
        DATE,
        NOTE,
        ATTACHMENT_LABEL,
        ATTENDANCE,
        table::CAPTION,
        table::HEADER,
        table::CELL,
        PAGE_NUMBER,
    ]);
    v
}

pub(super) fn style_of(kind: ItemKind) -> Style {
    match kind {
        ItemKind::Addressees => ADDRESSEES,
        ItemKind::Paragraph(None) => BODY,
        ItemKind::Paragraph(Some(level)) => HEADINGS[level.clamp(1, 4) - 1],
        ItemKind::Attachment => ATTACHMENT,
        ItemKind::Signature | ItemKind::SignatureTitle => SIGNATURE,
        ItemKind::Date => DATE,
        ItemKind::Note => NOTE,
        ItemKind::AttachmentLabel => ATTACHMENT_LABEL,
        ItemKind::AttachmentTitle => TITLE,
        ItemKind::Attendance | ItemKind::AttendanceContinued => ATTENDANCE,
        // Not a paragraph: the next paragraph starts a page; a table.
        ItemKind::PageBreak | ItemKind::Table(_) => BODY,
    }
}

/// The fonts a role asks for in the DOCX.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RoleFont {
    pub east_asia: &'static str,
    pub latin: &'static str,
    pub bold: bool,
}

pub(crate) fn role_font(role: Role, names: FontNames) -> RoleFont {
    match names {
        FontNames::Official => RoleFont {
            east_asia: FontSet::official_name(role),
            latin: FontSet::official_latin(),
            bold: false,
        },
        FontNames::Bundled => RoleFont {
            east_asia: FontSet::bundled_legacy_name(role),
            latin: FontSet::bundled_latin(),
            bold: FontSet::weight(role) >= 700,
        },
    }
}
