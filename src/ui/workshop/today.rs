//! "Vandaag", the closing page: everything this session added, to read out — the decisions
//! and actions of today's meeting, the signals, scores, tips and data-dialogue answers the
//! room gave (what the document lacked when workshop mode began), the dot-vote and the parking
//! lot — and the minutes of it all in one click (HTML, Markdown, Word).

use super::{bullet, section};
use crate::export::Format;
use crate::i18n::{Label, score_label, statement_text, t, tf};
use crate::model::{DataDialogue, Project};
use crate::state::{Message, Outbox, Workshop};
use egui::{RichText, Ui};

pub(super) fn page(
    ui: &mut Ui,
    project: &Project,
    (cycle, day): (usize, chrono::NaiveDate),
    ws: &Workshop,
    pending: &mut Outbox,
) {
    let Some(c) = project.cycles.get(cycle) else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(t!("workshop.minutes_export")).strong());
        for (format, name) in [
            (Format::Html, "HTML"),
            (Format::Markdown, "Markdown"),
            (Format::Docx, "Word"),
        ] {
            if ui
                .button(format!("⬇ {name}"))
                .on_hover_text(t!("workshop.minutes_hint"))
                .clicked()
            {
                pending.push(Message::ExportMinutes(format));
            }
        }
    });
    ui.add_space(8.0);
    let session = crate::state::session(project, cycle, day);
    let meeting = session
        .and_then(|w| w.meeting)
        .and_then(|id| project.meetings.iter().find(|m| m.id == id));
    let before = ws.start.as_ref().map_or(project, |s| &*s.before);
    let added = project.added_since(before, c.id, session.map(|w| w.id));
    let mut any = false;
    let mut list = |ui: &mut Ui, title: &str, lines: Vec<String>| {
        if lines.is_empty() {
            return;
        }
        any = true;
        section(ui, title);
        for l in lines {
            bullet(ui, &l);
        }
        ui.add_space(6.0);
    };
    if let Some(m) = meeting {
        let decisions = m.decisions.iter().map(|d| d.text.clone()).collect();
        list(ui, t!("minutes.decisions"), decisions);
        let actions = m
            .actions
            .iter()
            .map(|a| super::room::action_line(project, a))
            .collect();
        list(ui, t!("minutes.actions"), actions);
    }
    let signals = (added.signals.iter())
        .map(|s| {
            let from = match s.partner {
                Some(p) => project.partner_name(p).to_owned(),
                None => s.from.label().to_owned(),
            };
            format!("{from}: {}", s.text)
        })
        .collect();
    list(ui, t!("analysis.signals"), signals);
    let scores = (added.scores.iter())
        .map(|s| {
            let was = s
                .before
                .map(|b| format!(" ({})", tf!("minutes.was", old = score_label(b))))
                .unwrap_or_default();
            format!(
                "{}: {} — {}{was}",
                project.partner_name(s.partner),
                statement_text(&s.code),
                score_label(s.score)
            )
        })
        .collect();
    list(ui, t!("minutes.scores"), scores);
    let tips = (added.tips.iter())
        .map(|tip| match tip.step {
            Some(s) => format!("{}  ({})", tip.text, s.label()),
            None => tip.text.clone(),
        })
        .collect();
    list(ui, t!("minutes.tips"), tips);
    let line = |name: &str, d: &DataDialogue| {
        let answers: Vec<&str> = [&d.recognise, &d.explain, &d.opinion]
            .into_iter()
            .map(|a| a.trim())
            .filter(|a| !a.is_empty())
            .collect();
        format!("{name}: {}", answers.join(" · "))
    };
    let mut dialogue: Vec<String> = (added.dialogue.iter())
        .filter_map(|id| {
            c.outcomes
                .iter()
                .flat_map(|o| &o.indicators)
                .find(|i| i.id == *id)
        })
        .map(|ind| line(&ind.name, &ind.dialogue))
        .collect();
    if added.support_dialogue {
        dialogue.push(line(t!("support.title"), &c.analysis.support.dialogue));
    }
    list(ui, t!("dialogue.title"), dialogue);
    if let Some(w) = session {
        let votes = (w.vote.ranked().iter())
            .filter(|i| i.count > 0)
            .map(|i| {
                format!(
                    "{}  —  {}",
                    i.text,
                    tf!("workshop.votes", n = i.count as usize)
                )
            })
            .collect();
        list(ui, t!("minutes.vote"), votes);
        let parked = w.parked.iter().map(|x| x.text.clone()).collect();
        list(ui, t!("minutes.parked"), parked);
    }
    if !any {
        ui.weak(t!("minutes.nothing"));
    }
    ui.add_space(12.0);
    ui.separator();
}
