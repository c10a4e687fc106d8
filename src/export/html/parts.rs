//! The larger pieces of a step: an indicator (its status, facts, chart and measurements) and
//! a scan (chart against the national figures, averages per factor, disagreements).

use super::page::{Html, status_class};
use crate::export::shown_with_unit;
use crate::export::svg::{self, esc};
use crate::i18n::Lang;
use crate::i18n::{Label, basis_text_in, forecast_method_in, forecast_reach_in, t, tf};
use crate::model::{
    DISAGREEMENT_THRESHOLD, Factor, Forecast, Indicator, Project, ScanMoment, SeriesIndex,
    SeriesPoint, assess, forecast,
};

pub(super) fn indicator_part(
    h: &mut Html,
    p: &Project,
    ind: &Indicator,
    index: &SeriesIndex,
    lang: Lang,
    today: chrono::NaiveDate,
) {
    let series = index.series(ind.id);
    let a = assess(ind, &series, today);
    let below = p.settings.small_numbers_below;
    let counts = ind.is_count_of_people();
    h.raw("<div class=\"indicator\">");
    put!(
        h.0,
        "<h4>{} <span class=\"status {}\">{}</span></h4>",
        esc(&ind.name),
        status_class(a.status),
        esc(a.status.label_in(lang))
    );
    // what the status rests on (an earlier cycle, an old measurement), as on screen
    if let Some(text) = basis_text_in(lang, &a, &series, today) {
        put!(h.0, "<p class=\"basis\">⚠ {}</p>", esc(&text));
    }
    if !ind.definition.is_empty() {
        h.tag("p", &ind.definition);
    }
    let mut facts = Vec::new();
    if let Some(v) = ind.baseline_value {
        let d = ind
            .baseline_date
            .map(|d| format!(" ({})", lang.fmt_date(d)))
            .unwrap_or_default();
        facts.push(format!(
            "{}: {}{d}",
            t!(lang, "chart.baseline"),
            shown_with_unit(p, v, &ind.unit, counts, lang)
        ));
    }
    if let Some(v) = ind.target_value {
        let d = ind
            .target_date
            .map(|d| format!(" ({})", lang.fmt_date(d)))
            .unwrap_or_default();
        facts.push(format!(
            "{}: {}{d}",
            t!(lang, "chart.target"),
            shown_with_unit(p, v, &ind.unit, counts, lang)
        ));
    }
    facts.push(format!(
        "{}: {}",
        t!(lang, "indicator.direction"),
        ind.direction.label_in(lang)
    ));
    if !ind.data_source.is_empty() {
        facts.push(format!(
            "{}: {}",
            t!(lang, "indicator.source"),
            ind.data_source
        ));
    }
    put!(h.0, "<p class=\"meta\">{}</p>", esc(&facts.join(" · ")));
    let hidden = |v: f64| crate::privacy::suppress(v, counts, below);
    let forecast = reported_forecast(ind, &series, hidden);
    h.raw(&svg::indicator(
        ind,
        &series,
        hidden,
        forecast.as_ref(),
        lang,
    ));
    put!(
        h.0,
        "<p class=\"legend\">{}</p>",
        esc(t!(lang, "report.chart_legend"))
    );
    if let Some(f) = &forecast {
        let reach = forecast_reach_in(lang, f, ind.target_value, |v| {
            shown_with_unit(p, v, &ind.unit, counts, lang)
        });
        put!(
            h.0,
            "<p class=\"legend forecast\">{}</p>",
            esc(&tf!(
                lang,
                "report.forecast",
                method = &forecast_method_in(lang, f),
                reach = &reach
            ))
        );
    }
    h.table(
        &[
            t!(lang, "measurement.date"),
            t!(lang, "measurement.value"),
            t!(lang, "measurement.source"),
        ],
        crate::export::measurement_rows(p, ind, &series, lang),
    );
    h.raw("</div>");
}

/// The forecast as the report shows it: none for an indicator one of whose measurements is a
/// small count hidden in the report (the line through them would give it away), nor when the
/// line itself starts or ends on such a count ("ongeveer 3" is a small count too).
fn reported_forecast(
    ind: &Indicator,
    series: &[SeriesPoint],
    hidden: impl Fn(f64) -> bool,
) -> Option<Forecast> {
    if series.iter().any(|p| hidden(p.value)) {
        return None;
    }
    forecast(series, ind).filter(|f| !hidden(f.from.1) && !hidden(f.reached()) && !hidden(f.to.1))
}

pub(super) fn scan_part(h: &mut Html, p: &Project, cycle: usize, moment: ScanMoment, lang: Lang) {
    let Some(c) = p.cycles.get(cycle) else { return };
    let scan = c.scan(moment);
    if scan.is_empty() {
        return;
    }
    let title = match moment {
        ScanMoment::Analysis => t!(lang, "scan.title_first"),
        ScanMoment::Evaluation => t!(lang, "scan.title_rescore"),
    };
    h.tag("h3", title);
    let history = p.scan_history(cycle, moment);
    h.raw(&svg::scan(scan, history.last(), lang));
    put!(
        h.0,
        "<p class=\"legend\">{}</p>",
        esc(t!(lang, "report.scan_legend"))
    );
    let rows = Factor::ALL
        .iter()
        .map(|f| {
            vec![
                f.label_in(lang).to_owned(),
                scan.factor_average(*f)
                    .map(|a| lang.fmt_number((a * 10.0).round() / 10.0))
                    .unwrap_or_default(),
                lang.fmt_number(f.national_2021()),
                f.national_2018()
                    .map(|v| lang.fmt_number(v))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    h.table(
        &[
            t!(lang, "scan.factor"),
            t!(lang, "scan.legend_region"),
            t!(lang, "scan.legend_national"),
            t!(lang, "scan.legend_2018"),
        ],
        rows,
    );
    let gaps = scan.disagreements(DISAGREEMENT_THRESHOLD);
    if !gaps.is_empty() {
        h.tag("p", t!(lang, "scan.gaps_title"));
        h.list(gaps.iter().map(|g| {
            tf!(
                lang,
                "scan.gap",
                factor = g.factor.label_in(lang),
                high = p.partner_name(g.high.0),
                high_score = &lang.fmt_number((g.high.1 * 10.0).round() / 10.0),
                low = p.partner_name(g.low.0),
                low_score = &lang.fmt_number((g.low.1 * 10.0).round() / 10.0)
            )
        }));
    }
}
