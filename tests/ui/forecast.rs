//! The forecast "als er niets verandert" on the charts of step 5, the dashboard and workshop
//! mode: drawn for an indicator measured three times or more before its target date, with how
//! it was made on hover and what it reaches in words; not for one measured less often.

use super::*;
use kompas::i18n::{forecast_method_in, forecast_reach_in, key};
use kompas::model::{Forecast, Indicator, forecast};

/// The indicators of the open cycle, each with its forecast (if any).
fn forecasts(h: &Harness<'_, KompasApp>) -> Vec<(Indicator, Option<Forecast>)> {
    let p = project(h);
    let c = &p.cycles[h.state().state.doc.as_ref().unwrap().cycle];
    c.indicators()
        .map(|i| (i.clone(), forecast(&p.indicator_series(i.id), i)))
        .collect()
}

/// "Zo bereikt de lijn op 31-07-2025 ongeveer 24 leerlingen, het streefdoel is 30 leerlingen."
fn reach(i: &Indicator, f: &Forecast) -> String {
    forecast_reach_in(Lang::Nl, f, i.target_value, |v| {
        format!("{} {}", Lang::Nl.fmt_number(v), i.unit.trim())
    })
}

/// Utrecht's second cycle: "Thuiszitters > 3 maanden" and the waiting time are measured four
/// times (in the first cycle, under their earlier versions) before their target dates; the two
/// survey indicators only twice.
#[test]
fn step_5_shows_the_forecast_with_its_method_and_what_it_reaches() {
    let mut h = harness(None, None);
    click(&mut h, &icon("📘 ", key!("sample.utrecht")));
    go_to_step(&mut h, "5  Evaluatie");
    let all = forecasts(&h);
    let with: Vec<&(Indicator, Option<Forecast>)> =
        all.iter().filter(|(_, f)| f.is_some()).collect();
    assert_eq!((all.len(), with.len()), (4, 2), "the sample as described");
    // a chart for every indicator (its legend starts with "Metingen", which the step's heading
    // says too), a forecast in the legend of two
    let charts = h
        .query_all_by_label(&nl(key!("chart.measurements")))
        .count();
    assert!(charts >= 4, "{charts}");
    let legends = h.query_all_by_label(&nl(key!("forecast.name"))).count();
    assert_eq!(legends, 2, "only where there are three dated measurements");
    // what each reaches, in words below its chart; nothing for the others
    for (i, f) in &all {
        match f {
            Some(f) => assert!(
                h.query_by_label(&reach(i, f)).is_some(),
                "{}: {}",
                i.name,
                reach(i, f)
            ),
            None => assert!(!i.name.is_empty()),
        }
    }
    assert_eq!(
        h.query_all_by_label_contains("Zo bereikt de lijn").count(),
        2
    );
    let (i, f) = all
        .iter()
        .find(|(i, _)| i.name == "Thuiszitters > 3 maanden")
        .unwrap();
    let f = f.unwrap();
    assert!(
        reach(i, &f).starts_with("Zo bereikt de lijn op 31-07-2025 ongeveer ")
            && reach(i, &f).ends_with(", het streefdoel is 30 leerlingen."),
        "{}",
        reach(i, &f)
    );
    // the method on hovering the legend
    let method = forecast_method_in(Lang::Nl, &f);
    assert_eq!(
        method,
        "Voorspelling als er niets verandert: rechte lijn door de 4 gemeten waarden \
         (kleinste kwadraten), doorgetrokken tot de streefdatum 31-07-2025"
    );
    assert!(h.query_by_label(&method).is_none());
    h.query_all_by_label(&nl(key!("forecast.name")))
        .next()
        .unwrap()
        .hover();
    h.run_steps(4);
    assert!(h.query_by_label(&method).is_some(), "the method on hover");
}

#[test]
fn the_dashboard_s_trend_lines_carry_the_forecast() {
    let mut h = harness(None, None);
    click(&mut h, &icon("📘 ", key!("sample.utrecht")));
    click(&mut h, "📊  Dashboard");
    let all = forecasts(&h);
    // a trend line with a forecast says so (to a screen reader, and on hover); the two measured
    // twice do not
    assert_eq!(all.iter().filter(|(_, f)| f.is_some()).count(), 2);
    let lines = h
        .query_all_by_label_contains("Voorspelling als er niets verandert")
        .count();
    assert_eq!(lines, 2);
    let (i, f) = all
        .iter()
        .find(|(i, _)| i.name == "Thuiszitters > 3 maanden")
        .unwrap();
    let f = f.unwrap();
    let text = format!("{}.\n{}", forecast_method_in(Lang::Nl, &f), reach(i, &f));
    h.get_by_label(&text).hover();
    h.run_steps(4);
    assert_eq!(
        h.query_all_by_label(&text).count(),
        2,
        "the trend line and its tooltip"
    );
}

/// In workshop mode an outcome's page shows the chart with its forecast, and beside it the
/// data dialogue's questions.
#[test]
fn the_workshop_s_outcome_page_shows_the_forecast_and_the_dialogue_questions() {
    let mut h = harness_sized(None, None, egui::vec2(1024.0, 768.0));
    click(&mut h, &icon("📘 ", key!("sample.utrecht")));
    key(&mut h, Key::F5);
    // the title, the analysis, the support analysis' chart, its scan, the dot-vote, ambitions,
    // outcomes, the first outcome
    for _ in 0..7 {
        key(&mut h, Key::PageDown);
    }
    let all = forecasts(&h);
    let (i, f) = all
        .iter()
        .find(|(i, _)| i.name == "Thuiszitters > 3 maanden")
        .unwrap();
    assert!(h.query_by_label(&i.name).is_some(), "the outcome's page");
    assert!(h.query_by_label(&reach(i, &f.unwrap())).is_some());
    assert!(h.query_by_label(&nl(key!("forecast.name"))).is_some());
    for q in [
        key!("dialogue.title"),
        key!("dialogue.recognise"),
        key!("dialogue.explain_q"),
        key!("dialogue.opinion"),
        key!("guide.forecast"),
    ] {
        // the dialogue's title carries today's date, the forecast's question a "?"
        assert!(h.query_by_label_contains(&nl(q)).is_some(), "{}", nl(q));
    }
}
