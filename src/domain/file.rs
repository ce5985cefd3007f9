//! Reading and writing the schema-1 RON data file (pure: text in, text out).

use serde::Deserialize;

use super::records::{DataFile, SCHEMA_VERSION};
use super::validate::{Place, Problem, ProblemCode};

/// Reads a data file's text. Syntax and type errors come back as one problem with its
/// line and column; a newer schema is said plainly before anything else is read.
pub fn parse_data_file(text: &str) -> Result<DataFile, Problem> {
    let options = ron_options();
    if let Ok(probe) = options.from_str::<SchemaProbe>(text)
        && probe.schema != SCHEMA_VERSION
    {
        let code = if probe.schema > SCHEMA_VERSION { ProblemCode::NewerSchema } else { ProblemCode::BadSchema };
        return Err(Problem::new(
            code,
            "schema",
            None,
            format!(
                "schema {} is not supported by this version, which reads schema {SCHEMA_VERSION}{}",
                probe.schema,
                if probe.schema > SCHEMA_VERSION { "; the file was written by a newer Credit Health" } else { "" }
            ),
        ));
    }
    options.from_str::<DataFile>(text).map_err(|error| {
        Problem::new(ProblemCode::Syntax, "file", None, describe_ron_error(&error.code))
            .at(Place { line: error.span.start.line, column: error.span.start.col })
    })
}

/// Writes a data file in the same form as the examples: pretty, with implicit `Some`.
pub fn write_data_file(data: &DataFile) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .indentor("    ".to_string())
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .compact_arrays(false);
    let body = ron::Options::default().to_string_pretty(data, config)?;
    Ok(format!("// Credit Health data file (schema {SCHEMA_VERSION}).\n{body}\n"))
}

/// The RON options every file is read with: the extensions the examples use are allowed.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Reads only the schema number, ignoring everything else.
#[derive(Deserialize)]
struct SchemaProbe {
    schema: u32,
}

/// Turns ron's error into a sentence a person can act on.
fn describe_ron_error(code: &ron::Error) -> String {
    match code {
        ron::Error::NoSuchStructField { expected, found, outer } => {
            let place = outer.as_deref().map(|o| format!(" in {o}")).unwrap_or_default();
            format!("unknown field `{found}`{place}; valid fields are: {}", expected.join(", "))
        }
        ron::Error::MissingStructField { field, outer } => {
            let place = outer.as_deref().map(|o| format!(" in {o}")).unwrap_or_default();
            format!("the field `{field}` is missing{place}")
        }
        ron::Error::NoSuchEnumVariant { expected, found, outer } => {
            let place = outer.as_deref().map(|o| format!(" for {o}")).unwrap_or_default();
            format!("`{found}` is not a valid value{place}; valid values are: {}", expected.join(", "))
        }
        ron::Error::DuplicateStructField { field, .. } => format!("the field `{field}` appears twice"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_newer_schema_is_said_plainly() {
        let problem = parse_data_file("(schema: 7, profile: ())").err();
        assert!(matches!(problem, Some(Problem { code: ProblemCode::NewerSchema, .. })), "{problem:?}");
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let text = "(\n  schema: 1,\n  profile: (joined: \"2025-01-01\" identity_verified: true),\n)";
        let problem = parse_data_file(text).err();
        let place = problem.and_then(|p| p.place);
        assert_eq!(place.map(|p| p.line), Some(3));
    }
}
