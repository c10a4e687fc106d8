//! The countdown timer for an agenda item or an intervision round. It runs on egui's clock (so
//! tests drive it with a fake one) and never takes the keyboard focus.

/// A countdown: set, start, pause, reset.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timer {
    /// What it times (an agenda item, a round), shown beside it.
    pub label: String,
    /// The length in seconds.
    pub total: f64,
    /// Seconds counted before the current run.
    elapsed: f64,
    /// When the current run started (egui time), if running.
    running_since: Option<f64>,
    /// The open document it belongs to (`OpenDoc::serial`): another document does not show it.
    owner: Option<u64>,
    /// The intervision session and round it times, if it times one.
    pub round: Option<(Id, usize)>,
}

use crate::model::{Id, Project};

impl Timer {
    /// Sets a new countdown of `minutes`, stopped and full.
    pub fn set(&mut self, label: &str, minutes: f64) {
        self.label = label.to_owned();
        self.total = (minutes * 60.0).max(0.0);
        self.elapsed = 0.0;
        self.running_since = None;
        self.round = None;
    }

    /// Sets the countdown of a round of an intervision session: its time box, with the
    /// seconds it used before already counted (so starting it again goes on where it was),
    /// stopped.
    pub fn set_round(&mut self, label: &str, minutes: u32, used_seconds: u32, round: (Id, usize)) {
        self.set(label, f64::from(minutes));
        self.elapsed = f64::from(used_seconds);
        self.round = Some(round);
    }

    /// Whole seconds counted so far (also past the time box).
    pub fn used_seconds(&self, now: f64) -> u32 {
        self.elapsed(now).floor().clamp(0.0, f64::from(u32::MAX)) as u32
    }

    /// Writes the seconds used into the round it times, when they differ from what the round
    /// holds: while it runs only once a whole minute more has passed (not an undo step every
    /// second), when it stands still at once. Returns whether it wrote.
    pub fn write_round(&self, project: &mut Project, now: f64) -> bool {
        let Some((session, k)) = self.round else {
            return false;
        };
        let used = self.used_seconds(now);
        let Some(r) = project
            .session_mut(session)
            .and_then(|s| s.rounds.get_mut(k))
        else {
            return false;
        };
        let due = if self.is_running() {
            used / 60 != r.used_seconds / 60
        } else {
            used != r.used_seconds
        };
        if due {
            r.used_seconds = used;
        }
        due
    }

    /// Counts on from `used` seconds already run (an agenda block coming back), running from
    /// `run_from` if given.
    pub fn count_from(&mut self, used: f64, run_from: Option<f64>) {
        self.elapsed = used.max(0.0);
        self.running_since = run_from;
    }

    /// No countdown, stopped (still with the document it belongs to).
    pub fn clear(&mut self) {
        *self = Self {
            owner: self.owner,
            ..Self::default()
        };
    }

    /// Keeps the timer with the document it was set in: when another document is open (or
    /// none), it is cleared, so a running round never shows in another project.
    pub fn follow(&mut self, doc: Option<u64>) {
        if self.owner != doc {
            *self = Self {
                owner: doc,
                ..Self::default()
            };
        }
    }

    pub fn is_set(&self) -> bool {
        self.total > 0.0
    }

    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    pub fn start(&mut self, now: f64) {
        if self.running_since.is_none() && self.is_set() {
            self.running_since = Some(now);
        }
    }

    pub fn pause(&mut self, now: f64) {
        if let Some(since) = self.running_since.take() {
            self.elapsed += (now - since).max(0.0);
        }
    }

    /// Back to full, stopped.
    pub fn reset(&mut self) {
        self.elapsed = 0.0;
        self.running_since = None;
    }

    /// Adds (or with a negative number removes) minutes.
    pub fn add_minutes(&mut self, minutes: f64) {
        self.total = (self.total + minutes * 60.0).max(0.0);
    }

    /// Seconds it has run in all.
    pub fn elapsed_seconds(&self, now: f64) -> f64 {
        self.elapsed(now)
    }

    fn elapsed(&self, now: f64) -> f64 {
        self.elapsed + self.running_since.map_or(0.0, |s| (now - s).max(0.0))
    }

    /// Seconds left (0 when the time is up).
    pub fn remaining(&self, now: f64) -> f64 {
        (self.total - self.elapsed(now)).max(0.0)
    }

    /// The time is up.
    pub fn is_finished(&self, now: f64) -> bool {
        self.is_set() && self.remaining(now) <= 0.0
    }

    /// Seconds since the time ran out (for a signal that fades).
    pub fn overtime(&self, now: f64) -> f64 {
        (self.elapsed(now) - self.total).max(0.0)
    }

    /// "12:05": minutes and seconds left, rounded up so it shows 0:00 only at the end.
    pub fn text(&self, now: f64) -> String {
        let secs = self.remaining(now).ceil() as u64;
        format!("{}:{:02}", secs / 60, secs % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::Timer;

    #[test]
    fn a_round_goes_on_where_it_was_and_writes_its_seconds() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let mut p = crate::model::Project::new("U", d, d);
        let id = p.new_id();
        p.intervisions
            .push(crate::model::IntervisionSession::new(id));
        p.intervisions[0].rounds[1].used_seconds = 90;
        let mut t = Timer::default();
        t.set_round("Vragen", 15, 90, (id, 1));
        assert_eq!(t.text(0.0), "13:30", "the 90 s used before are counted");
        t.start(0.0);
        assert!(
            !t.write_round(&mut p, 20.0),
            "not within the minute while running"
        );
        assert!(t.write_round(&mut p, 31.0), "a whole minute more");
        t.pause(45.0);
        assert!(t.write_round(&mut p, 45.0));
        assert_eq!(p.intervisions[0].rounds[1].used_seconds, 135);
        assert_eq!(p.intervisions[0].rounds[0].used_seconds, 0);
    }

    #[test]
    fn counts_down_pauses_and_resets() {
        let mut t = Timer::default();
        t.set("Ronde", 10.0);
        assert_eq!(t.text(0.0), "10:00");
        t.start(100.0);
        assert_eq!(t.text(161.0), "8:59");
        t.pause(161.0);
        assert_eq!(t.text(500.0), "8:59", "paused stays");
        t.start(500.0);
        assert!(!t.is_finished(1038.0));
        assert!(t.is_finished(1100.0));
        assert_eq!(t.text(1100.0), "0:00");
        assert!(t.overtime(1100.0) > 0.0);
        t.reset();
        assert_eq!(t.text(2000.0), "10:00");
        assert!(!t.is_running());
        t.add_minutes(-11.0);
        assert!(!t.is_set());
    }

    #[test]
    fn another_document_clears_it() {
        let mut t = Timer::default();
        t.follow(Some(1));
        t.set("Ronde", 10.0);
        t.start(0.0);
        t.follow(Some(1));
        assert!(t.is_running(), "the same document keeps it");
        t.follow(Some(2));
        assert!(
            !t.is_set() && !t.is_running(),
            "another document does not show it"
        );
    }
}
