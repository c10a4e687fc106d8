//! The support analysis as a chart: sorted by the grey-zone share that is shown, no small
//! count ever a bar, the cycle before beside each school and sector, and a dialogue per day.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use kompas::model::*;
use proptest::prelude::*;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 9, d).unwrap()
}

fn add(p: &mut Project, cycle: usize, name: &str, sector: Sector, counts: [u32; 5]) -> Id {
    let id = p.new_id();
    let [pupils, edu, youth, both, waiting] = counts.map(Some);
    p.cycles[cycle].analysis.support.schools.push(SchoolRow {
        name: name.into(),
        brin: format!("{}AA", name.len()),
        sector: Some(sector),
        pupils,
        education_support: edu,
        youth_care: youth,
        both,
        waiting,
        ..SchoolRow::new(id)
    });
    id
}

fn names(rows: &[ChartRow]) -> Vec<&str> {
    rows.iter().map(|r| r.name.as_str()).collect()
}

#[test]
fn schools_are_sorted_by_the_shown_grey_zone_share_and_a_small_count_is_never_a_bar() {
    let mut p = Project::new("Regio", day(1), day(30));
    add(&mut p, 0, "Laag", Sector::Po, [400, 40, 30, 10, 0]); // 25 %
    add(&mut p, 0, "Hoog", Sector::Po, [300, 20, 20, 12, 6]); // 60 %
    add(&mut p, 0, "Klein", Sector::Vo, [250, 30, 20, 3, 0]); // 10 %, but 3 is small
    add(&mut p, 0, "Midden", Sector::Vo, [900, 80, 60, 32, 9]); // 40 %
    let chart = p.support_chart(0);
    // Klein's share is not shown (its grey zone is "< 5"), nor Midden's (its 32 is hidden,
    // else vo's sum 35 gives the 3 back): both go last, by name, so their place in the order
    // says nothing about the 3
    assert_eq!(names(&chart.schools), ["Hoog", "Laag", "Klein", "Midden"]);
    let (klein, midden) = (&chart.schools[2], &chart.schools[3]);
    assert_eq!(klein.bars[2].now, Shown::Small);
    assert_eq!(midden.bars[2].now, Shown::Hidden);
    assert_eq!((klein.share, midden.share), (None, None));
    assert_eq!(chart.schools[0].share, Some(0.6));
    assert_eq!(
        chart.schools[0].bars.map(|b| b.now),
        [
            Shown::Value(20),
            Shown::Value(20),
            Shown::Value(12),
            Shown::Value(6)
        ]
    );
    // the sectors and the region follow
    let keys: Vec<RowKey> = chart.sectors.iter().map(|r| r.key).collect();
    assert_eq!(
        keys,
        [
            RowKey::Sector(Sector::Po),
            RowKey::Sector(Sector::Vo),
            RowKey::Region
        ]
    );
    assert_eq!(chart.sectors[1].bars[2].now, Shown::Value(35));
    assert!(!chart.with_previous);
    assert_eq!(scale_of(&chart.schools), 80);
}

#[test]
fn the_chart_shows_the_cycle_before_beside_each_school_and_sector() {
    let mut p = Project::new("Regio", day(1), day(30));
    add(&mut p, 0, "De Linde", Sector::Po, [400, 40, 30, 12, 3]);
    add(&mut p, 0, "Het Baken", Sector::Vo, [800, 60, 50, 20, 8]);
    let k = p.start_next_cycle(0).unwrap();
    // De Linde's new counts; Het Baken not yet; a school typed anew with Het Baken's code
    let linde = &mut p.cycles[k].analysis.support.schools[0];
    (linde.education_support, linde.youth_care, linde.both) = (Some(44), Some(30), Some(18));
    let chart = p.support_chart(k);
    assert!(chart.with_previous);
    assert_eq!(chart.previous_name, Some(p.cycles[0].name.clone()));
    let linde = chart.schools.iter().find(|r| r.name == "De Linde").unwrap();
    assert_eq!(
        linde.bars.map(|b| (b.before, b.now)),
        [
            (Shown::Value(40), Shown::Value(44)),
            (Shown::Value(30), Shown::Value(30)),
            (Shown::Value(12), Shown::Value(18)),
            // 3 waited before: small there, and nothing filled in now
            (Shown::Small, Shown::Empty),
        ]
    );
    assert_eq!(linde.share_before, Some(0.3));
    let baken = chart
        .schools
        .iter()
        .find(|r| r.name == "Het Baken")
        .unwrap();
    assert_eq!(baken.bars[0].before, Shown::Value(60));
    assert_eq!(baken.bars[0].now, Shown::Empty);
    // the region: the sum of the cycle before beside this cycle's
    let region = chart.sectors.last().unwrap();
    assert_eq!(region.key, RowKey::Region);
    assert_eq!(region.bars[0].before, Shown::Value(100));
    assert_eq!(region.bars[0].now, Shown::Value(44));
}

#[test]
fn the_dialogue_on_the_support_analysis_is_kept_per_day_and_written_only_when_said() {
    let mut p = Project::new("Regio", day(1), day(30));
    add(&mut p, 0, "De Linde", Sector::Po, [400, 40, 30, 12, 3]);
    let plain = kompas::storage::to_ron_string(&p).unwrap();
    assert!(!plain.contains("dialogue"), "nothing said: nothing written");
    let a = &mut p.cycles[0].analysis.support;
    a.dialogue_on_mut(day(3)).recognise = "Ja, vooral in het vo".into();
    a.dialogue_on_mut(day(10)).opinion = "Zorgelijk".into();
    assert_eq!(a.earlier_dialogues.len(), 1);
    let dates: Vec<_> = a.dialogues().map(|d| d.date).collect();
    assert_eq!(dates, [Some(day(3)), Some(day(10))]);
    let text = kompas::storage::to_ron_string(&p).unwrap();
    assert_eq!(kompas::storage::parse(text.as_bytes()).unwrap().project, p);
    // said, without a school: still written
    let mut only_said = Project::new("Regio", day(1), day(30));
    only_said.cycles[0]
        .analysis
        .support
        .dialogue_on_mut(day(4))
        .explain = "Geen cijfers, wel zorgen".into();
    let text = kompas::storage::to_ron_string(&only_said).unwrap();
    assert_eq!(
        kompas::storage::parse(text.as_bytes()).unwrap().project,
        only_said
    );
}

proptest! {
    /// Whatever the counts and the threshold: no bar of the chart is a count below the
    /// threshold, and the schools with a shown share come first, largest first.
    #[test]
    fn no_bar_is_a_small_count_and_the_order_follows_the_shown_share(
        rows in proptest::collection::vec(
            (0usize..3, proptest::collection::vec(proptest::option::of(0u32..30), 5)),
            1..7,
        ),
        threshold in 2u32..11,
    ) {
        let mut p = Project::new("Regio", day(1), day(30));
        p.settings.small_numbers_below = threshold;
        for (k, (sector, counts)) in rows.iter().enumerate() {
            let id = p.new_id();
            let mut r = SchoolRow {
                name: format!("School {k}"),
                sector: Some(Sector::ALL[*sector]),
                ..SchoolRow::new(id)
            };
            for (c, v) in Count::ALL.iter().zip(counts) {
                *r.count_mut(*c) = *v;
            }
            p.cycles[0].analysis.support.schools.push(r);
        }
        let chart = p.support_chart(0);
        for row in chart.schools.iter().chain(&chart.sectors) {
            for b in row.bars {
                if let Shown::Value(v) = b.now {
                    prop_assert!(v == 0 || v >= threshold, "{:?}", row);
                }
            }
        }
        let shares: Vec<Option<f64>> = chart.schools.iter().map(|r| r.share).collect();
        let known = shares.iter().take_while(|s| s.is_some()).count();
        prop_assert!(shares[known..].iter().all(Option::is_none), "{:?}", shares);
        prop_assert!(shares[..known].windows(2).all(|w| w[0] >= w[1]), "{:?}", shares);
    }
}
