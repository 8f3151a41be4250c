//! The 新旧対照表 as an editable Word file (.docx): the rows of [`crate::diff::table`] in a
//! real two-column table whose first row (改正後 | 改正前, or the reverse) repeats on every
//! page, a shaded full-width row per domain, changed runs underlined (傍線), the note
//! 「（傍線部分は改正部分）」 above the table, on a landscape page.
//!
//! The package is written part by part (a .docx is a zip of a few XML parts): docx-rs 0.4
//! cannot mark a repeating header row (`w:tblHeader`), and the parts a table needs are few.
//! No font is embedded: the text names the Mincho face (游明朝, with alternative names Word
//! and Writer use to find a substitute). The same input gives the same bytes.

use std::fmt::Write as _;
use std::io::{Cursor, Write as _};

use crate::diff::table::{ComparisonTable, Line, Row, RowKind, Section, underlines};
use crate::export::comparison::{ComparisonSettings, NOTE};
use crate::export::layout::palette;
use crate::export::page::Rgb;
use crate::export::xml::escape;
use crate::model::{Document, Meta};

/// Why the .docx could not be written.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    /// The zip container could not be written.
    #[error("cannot write the Word file: {0}")]
    Zip(#[from] zip::result::ZipError),
    /// Writing a part into the container failed.
    #[error("cannot write the Word file: {0}")]
    Io(#[from] std::io::Error),
}

/// The East Asian (and Latin) face the text asks for.
pub const MINCHO: &str = "游明朝";
/// Other names of that face, and the faces to use instead, for `w:altName`.
const MINCHO_ALTERNATIVES: &str = "Yu Mincho,ＭＳ 明朝,MS Mincho";

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// The 新旧対照表 of `old` against `new` as a .docx; `full` shows unchanged entities in full.
/// Builds the same table as the PDF ([`crate::diff::table::build`]).
pub fn comparison_docx(
    old: &Document,
    new: &Document,
    settings: &ComparisonSettings,
    full: bool,
) -> Result<Vec<u8>, DocxError> {
    let comparison = crate::diff::compare(old, new);
    let table = crate::diff::table::build(old, new, &comparison, full);
    table_docx(&table, &old.meta, &new.meta, settings)
}

/// `table` (comparing `old` with `new`) as a .docx.
pub fn table_docx(
    table: &ComparisonTable,
    old: &Meta,
    new: &Meta,
    settings: &ComparisonSettings,
) -> Result<Vec<u8>, DocxError> {
    let title = format!("{}{} 新旧対照表", new.title, new.subtitle);
    let parts = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", PACKAGE_RELATIONSHIPS.to_owned()),
        ("docProps/core.xml", core_properties(&title, &new.author)),
        (
            "word/_rels/document.xml.rels",
            DOCUMENT_RELATIONSHIPS.to_owned(),
        ),
        (
            "word/document.xml",
            document_xml(table, &title, old, new, settings),
        ),
        ("word/styles.xml", styles_xml(settings)),
        ("word/settings.xml", SETTINGS.to_owned()),
        ("word/fontTable.xml", font_table()),
        ("word/footer1.xml", FOOTER.to_owned()),
    ];
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, text) in parts {
        zip.start_file(name, options)?;
        zip.write_all(text.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

/// Twentieths of a point (Word's twips) from points.
fn twips(points: f32) -> u32 {
    (points * 20.0).round().max(0.0) as u32
}

/// The page: the paper of `settings`, always landscape (the two columns need the width).
struct PageGeometry {
    width: u32,
    height: u32,
    margin: u32,
}

impl PageGeometry {
    fn new(settings: &ComparisonSettings) -> Self {
        let (short, long) = settings.page.paper.size();
        Self {
            width: twips(long),
            height: twips(short),
            margin: twips(crate::export::settings::mm(
                settings.page.margin_mm.clamp(0.0, 50.0),
            )),
        }
    }

    /// The width of one column of the table.
    fn column(&self) -> u32 {
        self.width.saturating_sub(2 * self.margin) / 2
    }
}

/// Body text size in half-points (`w:sz`).
fn half_points(settings: &ComparisonSettings) -> u32 {
    (settings.page.base_size.clamp(4.0, 24.0) * 2.0).round() as u32
}

fn hex(colour: Rgb) -> String {
    format!("{:02X}{:02X}{:02X}", colour.0, colour.1, colour.2)
}

/// One run: `text`, underlined when `underline`.
fn push_run(xml: &mut String, text: &str, underline: bool) {
    xml.push_str("<w:r>");
    if underline {
        xml.push_str(r#"<w:rPr><w:u w:val="single"/></w:rPr>"#);
    }
    let _ = write!(
        xml,
        r#"<w:t xml:space="preserve">{}</w:t></w:r>"#,
        escape(text)
    );
}

/// A paragraph of one table line: a run per span, marked spans underlined (as the PDF, a run of
/// spaces only is not).
fn push_line(xml: &mut String, line: &Line) {
    xml.push_str("<w:p>");
    for span in line.spans.iter().filter(|s| !s.text.is_empty()) {
        push_run(xml, &span.text, underlines(&span.text, span.marked));
    }
    xml.push_str("</w:p>");
}

/// A paragraph of plain text with paragraph properties `properties` (may be empty).
fn push_paragraph(xml: &mut String, properties: &str, text: &str) {
    xml.push_str("<w:p>");
    if !properties.is_empty() {
        let _ = write!(xml, "<w:pPr>{properties}</w:pPr>");
    }
    if !text.is_empty() {
        push_run(xml, text, false);
    }
    xml.push_str("</w:p>");
}

/// A cell of width `width` twips holding `lines` (a cell needs at least one paragraph).
fn push_cell(xml: &mut String, width: u32, lines: &[Line]) {
    let _ = write!(
        xml,
        r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>"#
    );
    if lines.is_empty() {
        xml.push_str("<w:p/>");
    }
    for line in lines {
        push_line(xml, line);
    }
    xml.push_str("</w:tc>");
}

/// The header row, repeated at the top of every page (`w:tblHeader`).
fn push_header_row(xml: &mut String, column: u32, labels: [String; 2]) {
    xml.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
    let fill = hex(palette::HEADER_FILL);
    for label in labels {
        let _ = write!(
            xml,
            r#"<w:tc><w:tcPr><w:tcW w:w="{column}" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="{fill}"/><w:vAlign w:val="center"/></w:tcPr>"#
        );
        push_paragraph(xml, r#"<w:jc w:val="center"/>"#, &label);
        xml.push_str("</w:tc>");
    }
    xml.push_str("</w:tr>");
}

/// A domain's heading: one shaded cell across both columns, kept with the row after it.
fn push_section_heading(xml: &mut String, column: u32, section: &Section) {
    let fill = hex(palette::HEADER_FILL);
    let _ = write!(
        xml,
        r#"<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/><w:gridSpan w:val="2"/><w:shd w:val="clear" w:color="auto" w:fill="{fill}"/></w:tcPr>"#,
        2 * column
    );
    push_paragraph(xml, "<w:keepNext/>", &section.heading);
    xml.push_str("</w:tc></w:tr>");
}

/// One row of the table, the new side first when `new_first`.
fn push_row(xml: &mut String, column: u32, row: &Row, new_first: bool) {
    xml.push_str("<w:tr>");
    // A 「（略）」 row is one line each side: never worth splitting across pages.
    if row.kind == RowKind::Omitted {
        xml.push_str("<w:trPr><w:cantSplit/></w:trPr>");
    }
    let (first, second) = if new_first {
        (&row.new, &row.old)
    } else {
        (&row.old, &row.new)
    };
    push_cell(xml, column, first);
    push_cell(xml, column, second);
    xml.push_str("</w:tr>");
}

/// `word/document.xml`: the title, the note, the table, the page.
fn document_xml(
    table: &ComparisonTable,
    title: &str,
    old: &Meta,
    new: &Meta,
    settings: &ComparisonSettings,
) -> String {
    let page = PageGeometry::new(settings);
    let column = page.column();
    let mut xml = String::with_capacity(4096);
    let _ = write!(
        xml,
        r#"{XML_DECLARATION}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>"#
    );
    let title_size = (half_points(settings) * 7).div_ceil(5);
    xml.push_str("<w:p>");
    let _ = write!(
        xml,
        r#"<w:r><w:rPr><w:sz w:val="{title_size}"/><w:szCs w:val="{title_size}"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        escape(title)
    );
    push_paragraph(&mut xml, "", NOTE);
    let mut borders = String::new();
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        let size = if side.starts_with("inside") { 4 } else { 8 };
        let _ = write!(
            borders,
            r#"<w:{side} w:val="single" w:sz="{size}" w:space="0" w:color="auto"/>"#
        );
    }
    let _ = write!(
        xml,
        r#"<w:tbl><w:tblPr><w:tblW w:w="{}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid><w:gridCol w:w="{column}"/><w:gridCol w:w="{column}"/></w:tblGrid>"#,
        2 * column
    );
    // The same words as the PDF's header row (改正後（見直し後）, 改正案, 新 …).
    let (new_label, old_label) = settings.header_texts(old, new);
    let labels = if settings.new_first {
        [new_label, old_label]
    } else {
        [old_label, new_label]
    };
    push_header_row(&mut xml, column, labels);
    for section in &table.sections {
        push_section_heading(&mut xml, column, section);
        for row in &section.rows {
            push_row(&mut xml, column, row, settings.new_first);
        }
    }
    xml.push_str("</w:tbl>");
    // Word wants a paragraph between a table and the end of the section.
    xml.push_str("<w:p/>");
    let _ = write!(
        xml,
        r#"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/><w:pgSz w:w="{}" w:h="{}" w:orient="landscape"/><w:pgMar w:top="{m}" w:right="{m}" w:bottom="{m}" w:left="{m}" w:header="{h}" w:footer="{h}" w:gutter="0"/><w:cols w:space="425"/></w:sectPr></w:body></w:document>"#,
        page.width,
        page.height,
        m = page.margin,
        h = page.margin / 2,
    );
    xml
}

/// `word/styles.xml`: the defaults every run and paragraph takes (Mincho, the body size,
/// Japanese, no space between paragraphs).
fn styles_xml(settings: &ComparisonSettings) -> String {
    let size = half_points(settings);
    let font = escape(MINCHO);
    format!(
        r#"{XML_DECLARATION}<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:cs="{font}"/><w:kern w:val="2"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/><w:lang w:val="ja-JP" w:eastAsia="ja-JP" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#
    )
}

/// `word/fontTable.xml`: the Mincho face, described so that a machine without it substitutes
/// another Japanese serif face.
fn font_table() -> String {
    format!(
        r#"{XML_DECLARATION}<w:fonts xmlns:w="{W_NS}"><w:font w:name="{}"><w:altName w:val="{}"/><w:panose1 w:val="02020400000000000000"/><w:charset w:val="80"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>"#,
        escape(MINCHO),
        escape(MINCHO_ALTERNATIVES)
    )
}

/// `docProps/core.xml`: the title and author (no dates, so the bytes do not change).
fn core_properties(title: &str, author: &str) -> String {
    format!(
        r#"{XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>ja-JP</dc:language></cp:coreProperties>"#,
        escape(title),
        escape(author)
    )
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const PACKAGE_RELATIONSHIPS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELATIONSHIPS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#;

/// Word 2013+ layout (not compatibility mode), Japanese punctuation compression.
const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="840"/><w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#;

/// The page number, 「1 / 3」, centred at the foot of every page as on the PDF.
const FOOTER: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> / </w:t></w:r><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>"#;

#[cfg(test)]
mod tests;
