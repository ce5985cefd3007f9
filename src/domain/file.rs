//! Reading and writing the schema-1 RON data file (pure: text in, text out).

use serde::Deserialize;

use super::records::{DataFile, SCHEMA_VERSION};
use super::validate::{Place, Problem, ProblemCode};

/// Reads a data file's text. Syntax and type errors come back as one problem with its
/// line and column; a newer schema is said plainly before anything else is read.
pub fn parse_data_file(text: &str) -> Result<DataFile, Problem> {
    // One full parse for a good file (the common case, and 12 MB is a lot of text); the schema
    // probe, a second pass, only runs when that fails or finds another schema.
    let options = ron_options();
    match options.from_str::<DataFile>(text) {
        Ok(data) if data.schema == SCHEMA_VERSION => Ok(data),
        Ok(data) => Err(schema_problem(data.schema)),
        Err(error) => match options.from_str::<SchemaProbe>(text) {
            Ok(probe) if probe.schema != SCHEMA_VERSION => Err(schema_problem(probe.schema)),
            _ => Err(Problem::new(ProblemCode::Syntax, "file", None, describe_ron_error(&error.code))
                .at(Place { line: error.span.start.line, column: error.span.start.col })),
        },
    }
}

/// Says that `schema` is not the one this version reads, and whether it is newer.
fn schema_problem(schema: u32) -> Problem {
    let newer = schema > SCHEMA_VERSION;
    let code = if newer { ProblemCode::NewerSchema } else { ProblemCode::BadSchema };
    Problem::new(
        code,
        "schema",
        None,
        format!(
            "schema {schema} is not supported by this version, which reads schema {SCHEMA_VERSION}{}",
            if newer { "; the file was written by a newer Credit Health" } else { "" }
        ),
    )
}

/// Writes a data file in the same form as the examples: pretty, with implicit `Some`, and one
/// record per line (the depth limit), which keeps files diff-friendly and a third smaller.
pub fn write_data_file(data: &DataFile) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .indentor("    ".to_string())
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .compact_arrays(false)
        .depth_limit(2);
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
