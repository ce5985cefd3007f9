//! Prints how the engine explains every built-in persona: a quick look while tuning the rules.
//! `cargo run --example personas [en]`

use credit_health::domain::Lang;
use credit_health::engine::{Rules, explain};

fn main() {
    let rules = Rules::default_rules();
    let lang = if std::env::args().nth(1).as_deref() == Some("en") { Lang::En } else { Lang::Zh };
    for persona in credit_health::personas::all() {
        let Ok(data) = persona.data() else {
            println!("{}: invalid file", persona.id);
            continue;
        };
        let e = explain(&data, &rules, persona.as_of);
        let codes: Vec<String> =
            e.reasons.iter().map(|r| format!("{}:{}", r.code.as_str(), r.effect.as_str())).collect();
        println!("== {} score {} limit {} status {}", persona.id, e.score, e.status_limit, e.status.as_str());
        println!("   {}\n   {}", e.headline.get(lang), codes.join(" "));
        if let Some(plan) = credit_health::engine::plan(&data, &rules, persona.as_of) {
            println!("   plan: {}", credit_health::engine::whatif::plan_text(&plan, lang).replace('\n', " | "));
        }
    }
}
