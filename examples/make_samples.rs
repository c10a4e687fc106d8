//! Writes the sample projects in `sample-projects/`. Run: `cargo run --example make_samples`.
//! The figures are plausible example data, aggregated, and marked as such in each file.

use chrono::NaiveDate;
use kompas::model::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

/// Small helpers that hand out ids while building a project.
struct B(Project);

impl B {
    fn id(&mut self) -> Id {
        self.0.new_id()
    }
    fn partner(&mut self, name: &str, kind: PartnerKind, role: &str) -> Id {
        let id = self.id();
        self.0.partners.push(Partner {
            id,
            name: name.into(),
            kind,
            role: role.into(),
        });
        id
    }
    fn table(&mut self, kind: TableKind, name: &str, partners: Vec<Id>) -> Id {
        let id = self.id();
        self.0.tables.push(Table {
            id,
            kind,
            name: name.into(),
            partners,
        });
        id
    }
    fn text(&mut self, text: &str) -> TextItem {
        TextItem {
            id: self.id(),
            text: text.into(),
        }
    }
    fn texts(&mut self, texts: &[&str]) -> Vec<TextItem> {
        texts.iter().map(|t| self.text(t)).collect()
    }
    /// A support analysis: per school its BRIN-like code, board, sector, counts (pupils,
    /// extra support, youth care, both, waiting), the partner responsible and how support is
    /// organised. Invented, aggregated figures.
    #[allow(clippy::type_complexity)]
    fn schools(
        &mut self,
        rows: &[(&str, &str, &str, Sector, [u32; 5], Option<Id>, &str)],
    ) -> SupportAnalysis {
        let schools = rows
            .iter()
            .map(
                |(name, brin, board, sector, counts, responsible, organisation)| {
                    let [pupils, edu, youth, both, waiting] = counts.map(Some);
                    SchoolRow {
                        name: (*name).into(),
                        brin: (*brin).into(),
                        board: (*board).into(),
                        sector: Some(*sector),
                        pupils,
                        education_support: edu,
                        youth_care: youth,
                        both,
                        waiting,
                        responsible: *responsible,
                        organisation: (*organisation).into(),
                        ..SchoolRow::new(self.id())
                    }
                },
            )
            .collect();
        SupportAnalysis {
            schools,
            ..SupportAnalysis::default()
        }
    }
    fn data(
        &mut self,
        label: &str,
        value: f64,
        unit: &str,
        source: &str,
        date: NaiveDate,
        domain: Domain,
    ) -> DataPoint {
        DataPoint {
            id: self.id(),
            label: label.into(),
            value: Some(value),
            unit: unit.into(),
            source: source.into(),
            date: Some(date),
            domain,
            counts_people: None,
        }
    }
    fn signal(&mut self, from: SignalSource, partner: Option<Id>, text: &str) -> Signal {
        Signal {
            id: self.id(),
            from,
            partner,
            text: text.into(),
            school: None,
        }
    }
    fn ambition(
        &mut self,
        title: &str,
        description: &str,
        endorsed_by: Vec<Id>,
        level: Level,
        table: Id,
    ) -> Ambition {
        Ambition {
            id: self.id(),
            title: title.into(),
            description: description.into(),
            endorsed_by,
            level: Some(level),
            table: Some(table),
            previous: None,
        }
    }
    #[allow(clippy::too_many_arguments)]
    fn indicator(
        &mut self,
        name: &str,
        definition: &str,
        unit: &str,
        direction: Direction,
        baseline: (f64, NaiveDate),
        target: (f64, NaiveDate),
        source: &str,
        owner: Id,
    ) -> Indicator {
        let mut i = Indicator::new(self.id());
        i.name = name.into();
        i.definition = definition.into();
        i.unit = unit.into();
        i.direction = direction;
        i.baseline_value = Some(baseline.0);
        i.baseline_date = Some(baseline.1);
        i.target_value = Some(target.0);
        i.target_date = Some(target.1);
        i.data_source = source.into();
        i.owner = Some(owner);
        i
    }
    fn outcome(
        &mut self,
        title: &str,
        description: &str,
        ambitions: Vec<Id>,
        indicators: Vec<Indicator>,
    ) -> Outcome {
        Outcome {
            id: self.id(),
            title: title.into(),
            description: description.into(),
            ambitions,
            indicators,
            previous: None,
        }
    }
    #[allow(clippy::too_many_arguments)]
    fn intervention(
        &mut self,
        title: &str,
        description: &str,
        contributions: &[(Id, &str)],
        responsible: Vec<Id>,
        level: Level,
        period: (NaiveDate, NaiveDate),
        budget: u64,
        financing: Financing,
        status: InterventionStatus,
    ) -> Intervention {
        let mut i = Intervention::new(self.id());
        i.title = title.into();
        i.description = description.into();
        i.contributions = contributions
            .iter()
            .map(|(o, e)| Contribution {
                outcome: *o,
                expected: (*e).into(),
            })
            .collect();
        i.responsible = responsible;
        i.level = Some(level);
        i.start = Some(period.0);
        i.end = Some(period.1);
        i.budget_eur = Some(budget);
        i.financing = Some(financing);
        i.status = status;
        i
    }
    fn measurements(
        &mut self,
        indicator: Id,
        source: &str,
        series: &[(NaiveDate, f64)],
    ) -> Vec<Measurement> {
        series
            .iter()
            .map(|(date, value)| Measurement {
                id: self.id(),
                indicator,
                date: Some(*date),
                value: Some(*value),
                source: source.into(),
                note: String::new(),
            })
            .collect()
    }
    /// A scan from rows of 22 scores in statement order (spaces ignored, `x` = no view).
    fn scan(&mut self, date: NaiveDate, rows: &[(Id, &str)]) -> Scan {
        let codes: Vec<&str> = all_statements().map(|(_, s)| s).collect();
        let responses = rows
            .iter()
            .map(|(partner, scores)| {
                let mut r = ScanResponse::new(self.id(), *partner);
                let chars = scores.chars().filter(|c| !c.is_whitespace());
                for (code, ch) in codes.iter().zip(chars) {
                    let score = match ch.to_digit(10) {
                        Some(v) => Score::Value(v as u8),
                        None => Score::NoView,
                    };
                    r.scores.insert((*code).to_owned(), score);
                }
                r
            })
            .collect();
        Scan {
            date: Some(date),
            responses,
        }
    }
    fn judgement(
        &mut self,
        intervention: Id,
        contribution: ContributionJudgement,
        evidence: &str,
        decision: Decision,
    ) -> Judgement {
        Judgement {
            id: self.id(),
            intervention,
            contribution,
            evidence: evidence.into(),
            decision: Some(decision),
        }
    }
}

fn utrecht() -> Project {
    let mut b = B(Project::new_with_ids(
        IdSource::starting_at(1),
        "Utrecht (voorbeeld)",
        d(2023, 8, 1),
        d(2024, 7, 31),
    ));
    b.0.region.samenwerkingsverband = "Samenwerkingsverbanden PO en VO Utrecht (voorbeeld)".into();
    b.0.region.gemeenten = vec!["Utrecht".into(), "Bunnik".into()];
    b.0.region.notes = "VOORBEELDDATA. Gemodelleerd naar het 'Utrechtse model' zoals gepresenteerd in de CoP Bindende afspraken (2020): twee gemeenten, een kernteam op elke school, een jaarlijkse samenwerkingsagenda en specialistische jeugdhulp teruggebracht van 70 naar 2 aanbieders. Alle cijfers zijn verzonnen en samengevoegd; er staan geen gegevens van kinderen in.".into();
    let gu = b.partner(
        "Gemeente Utrecht",
        PartnerKind::Gemeente,
        "Opdrachtgever jeugdhulp; trekker van de samenwerkingsagenda.",
    );
    let gb = b.partner(
        "Gemeente Bunnik",
        PartnerKind::Gemeente,
        "Opdrachtgever jeugdhulp; sluit aan bij de Utrechtse aanpak.",
    );
    let swv_po = b.partner(
        "SWV PO Utrecht",
        PartnerKind::Samenwerkingsverband,
        "Levert begeleiders passend onderwijs in de kernteams.",
    );
    let swv_vo = b.partner(
        "SWV VO Utrecht",
        PartnerKind::Samenwerkingsverband,
        "Programmaleiding passend onderwijs VO; mede-eigenaar van de agenda.",
    );
    let bt = b.partner(
        "Buurtteams jeugd en gezin",
        PartnerKind::Wijkteam,
        "Gezinswerker in elk kernteam, directe lijn naar specialistische hulp.",
    );
    let sj1 = b.partner(
        "Specialistische jeugdhulp Noord-West",
        PartnerKind::Jeugdhulpaanbieder,
        "Eén van de twee specialistische aanbieders (helft van de stad).",
    );
    let sj2 = b.partner(
        "Specialistische jeugdhulp Zuid-Oost",
        PartnerKind::Jeugdhulpaanbieder,
        "Eén van de twee specialistische aanbieders (andere helft).",
    );
    let jgz = b.partner(
        "Jeugdgezondheidszorg",
        PartnerKind::Jeugdgezondheidszorg,
        "Jeugdverpleegkundige of schoolarts in het kernteam.",
    );
    let lp = b.partner(
        "Leerplicht",
        PartnerKind::Leerplicht,
        "Leerplichtambtenaar in het kernteam.",
    );
    let sb = b.partner(
        "Schoolbesturen PO en VO",
        PartnerKind::Schoolbestuur,
        "Besturen die de gezamenlijke visie dragen.",
    );
    let ou = b.partner(
        "Ouderplatform",
        PartnerKind::OudersJongeren,
        "Ouders als regisseur en belangrijkste kennisbron van hun kind.",
    );
    let oogo = b.table(
        TableKind::Oogo,
        "OOGO Utrecht",
        vec![gu, gb, swv_po, swv_vo],
    );
    let _inkoop = b.table(
        TableKind::Inkooptafel,
        "Inkooptafel specialistische jeugdhulp",
        vec![gu, gb, sj1, sj2, swv_vo],
    );
    let lea = b.table(
        TableKind::Lea,
        "LEA Utrecht",
        vec![gu, sb, swv_po, swv_vo, ou],
    );

    let mut data = vec![
        b.data(
            "Thuiszitters langer dan 3 maanden",
            48.0,
            "leerlingen",
            "Leerplicht, jaarverslag",
            d(2023, 8, 1),
            Domain::Onderwijs,
        ),
        b.data(
            "Vrijstellingen artikel 5a",
            31.0,
            "leerlingen",
            "DUO / leerplicht",
            d(2023, 8, 1),
            Domain::Onderwijs,
        ),
        b.data(
            "Voortijdig schoolverlaters",
            1.6,
            "%",
            "DUO, VSV-cijfers",
            d(2023, 8, 1),
            Domain::Onderwijs,
        ),
        b.data(
            "Gemiddelde wachttijd specialistische jeugdhulp",
            11.0,
            "weken",
            "Gemeente, contractmanagement",
            d(2023, 7, 1),
            Domain::Jeugdhulp,
        ),
        b.data(
            "Aantal specialistische jeugdhulpaanbieders",
            2.0,
            "aanbieders",
            "Inkoop (was 70)",
            d(2023, 1, 1),
            Domain::Jeugdhulp,
        ),
    ];
    // providers are not people: their number is shown as it is
    data[4].counts_people = Some(false);
    let strengths = b.texts(&[
        "De visie is al jaren gezamenlijk gedragen en persoonsonafhankelijk geworden.",
        "Elke school heeft een kernteam dat wekelijks bijeenkomt (PO: zichtbaar in de wijk).",
        "Ouders worden consequent als partner bij alles betrokken.",
        "Een overzichtelijke regio met twee gemeenten en weinig financiële tegenwind.",
    ]);
    let problems = b.texts(&[
        "Integraal maatwerk voor jongeren en gezinnen met zeer complexe problematiek blijft moeilijk.",
        "De samenwerking tussen de twee specialistische aanbieders en het speciaal onderwijs vraagt aandacht.",
        "Risico dat professionals vooral vanuit de eigen organisatie redeneren in plaats van vanuit de opgave.",
    ]);
    let signals = vec![
        b.signal(
            SignalSource::Professionals,
            None,
            "Kernteams zien vaker vragen die meerdere regio's en wetten raken.",
        ),
        b.signal(
            SignalSource::Parents,
            None,
            "Ouders waarderen een vast, vertrouwd gezicht van het buurtteam op school.",
        ),
        b.signal(
            SignalSource::Partner,
            Some(swv_vo),
            "Begeleiders passend onderwijs willen meer ruimte voor casusreflectie.",
        ),
    ];
    let mut cycle = b.0.cycles[0].clone();
    cycle.name = "Cyclus 2023-2024".into();
    cycle.status = CycleStatus::Completed;
    cycle.analysis = Analysis {
        data_points: data,
        strengths,
        problems,
        signals,
        collaboration_model: Some(CollaborationModel::Integraal),
        phase: Some(Phase::Verankering),
        bottlenecks: vec![
            CommonBottleneck::WaitingLists,
            CommonBottleneck::StaffTurnover,
        ],
        own_bottlenecks: vec![
            b.text("Stelseloverstijgende vragen passen in geen enkel bestaand loket."),
        ],
        support: b.schools(&[
            (
                "Basisschool De Esdoorn (voorbeeld)",
                "90AA",
                "Stichting Primair Utrecht (voorbeeld)",
                Sector::Po,
                [412, 37, 29, 12, 3],
                Some(bt),
                "Kernteam elke week; buurtteammedewerker twee ochtenden op school.",
            ),
            (
                "Basisschool Het Anker (voorbeeld)",
                "90AB",
                "Stichting Primair Utrecht (voorbeeld)",
                Sector::Po,
                [286, 22, 31, 14, 0],
                Some(bt),
                "Kernteam om de week; consultatie via JGZ.",
            ),
            (
                "Basisschool De Vlinder (voorbeeld)",
                "90AC",
                "Vereniging Samen Leren (voorbeeld)",
                Sector::Po,
                [198, 15, 12, 4, 0],
                Some(swv_po),
                "Kernteam in opbouw.",
            ),
            (
                "Lyceum aan de Vecht (voorbeeld)",
                "90BA",
                "Stichting VO Utrecht (voorbeeld)",
                Sector::Vo,
                [1240, 96, 74, 28, 9],
                None,
                "Zorgadviesteam zes keer per jaar; jeugdhulp op afspraak buiten school.",
            ),
            (
                "Vakcollege Oost (voorbeeld)",
                "90BB",
                "Stichting VO Utrecht (voorbeeld)",
                Sector::Vo,
                [640, 88, 81, 46, 11],
                Some(swv_vo),
                "Jeugdhulp op school; wekelijkse casusbespreking.",
            ),
            (
                "Kentalis-locatie Zuid (voorbeeld)",
                "90CA",
                "Stichting Speciaal (voorbeeld)",
                Sector::So,
                [132, 132, 71, 71, 2],
                Some(swv_vo),
                "Onderwijszorgarrangementen voor iedere leerling.",
            ),
        ]),
        scan: b.scan(
            d(2023, 9, 15),
            &[
                (gu, "444 433 333 32 323 43 32 22 32"),
                (swv_po, "443 443 343 33 222 43 32 12 22"),
                (bt, "344 444 332 33 233 32 23 2x 2x"),
                (ou, "333 322 2x2 22 xx2 xx 22 xx 2x"),
            ],
        ),
    };
    let a1 = b.ambition("Elk kind ontwikkelt zich ononderbroken", "We vergroten de ontwikkelkansen van kinderen: onderwijs en hulp sluiten naadloos op elkaar aan.", vec![gu, gb, swv_po, swv_vo, sb], Level::Regionaal, oogo);
    let a2 = b.ambition(
        "School en wijk werken als één team",
        "Jeugdhulp en onderwijs versterken samen de basis op school, met het kernteam als spil.",
        vec![gu, swv_po, swv_vo, bt, jgz],
        Level::Lokaal,
        lea,
    );
    let a3 = b.ambition(
        "Ouders zijn regisseur en partner",
        "Alles wordt met ouders besproken; zij kennen hun kind het best.",
        vec![gu, gb, swv_po, swv_vo, ou],
        Level::Regionaal,
        oogo,
    );
    let (a1id, a2id, a3id) = (a1.id, a2.id, a3.id);
    cycle.ambitions = vec![a1, a2, a3];
    cycle.principles = b.texts(&[
        "We bespreken alles mét ouders, niet over ouders.",
        "Bij problemen trekken we ons niet terug, maar vragen we elkaars hulp.",
        "Eerst helpen, daarna pas uitzoeken wie betaalt.",
        "We redeneren vanuit de gezamenlijke opgave, niet vanuit het organisatiebelang.",
    ]);
    let i_thuis = b.indicator("Thuiszitters > 3 maanden", "Leerlingen die langer dan drie maanden zonder onderwijs thuis zitten, peildatum per kwartaal.", "leerlingen", Direction::Decrease, (48.0, d(2023, 8, 1)), (30.0, d(2025, 7, 31)), "Leerplicht", lp);
    let i_wacht = b.indicator(
        "Wachttijd specialistische jeugdhulp",
        "Gemiddelde weken tussen verwijzing en start van specialistische hulp.",
        "weken",
        Direction::Decrease,
        (11.0, d(2023, 7, 1)),
        (6.0, d(2025, 7, 1)),
        "Contractmanagement gemeente",
        gu,
    );
    let i_ouders = b.indicator("Ouders ervaren één aanpak", "Aandeel ouders dat vindt dat school en buurtteam vanuit dezelfde principes werken (ouderpeiling).", "%", Direction::Increase, (58.0, d(2023, 10, 1)), (75.0, d(2025, 10, 1)), "Ouderpeiling", ou);
    let i_leraren = b.indicator(
        "Leraren voelen zich gesteund",
        "Aandeel leraren dat zich gesteund voelt bij moeilijk gedrag in de klas.",
        "%",
        Direction::Increase,
        (52.0, d(2023, 10, 1)),
        (70.0, d(2025, 10, 1)),
        "Lerarenpeiling SWV",
        swv_po,
    );
    let (it, iw, io, il) = (i_thuis.id, i_wacht.id, i_ouders.id, i_leraren.id);
    let o1 = b.outcome(
        "Minder thuiszitters",
        "Geen kind langer dan drie maanden zonder passend onderwijs.",
        vec![a1id],
        vec![i_thuis],
    );
    let o2 = b.outcome(
        "Sneller passende hulp",
        "Kinderen en gezinnen krijgen specialistische hulp zonder lang wachten.",
        vec![a1id, a2id],
        vec![i_wacht],
    );
    let o3 = b.outcome(
        "Ouders ervaren dat school en wijk samenwerken",
        "Ouders merken één aanpak in plaats van losse loketten.",
        vec![a3id],
        vec![i_ouders],
    );
    let o4 = b.outcome(
        "Leraren voelen zich gesteund",
        "Signalen van leraren worden opgepakt en zij staan er niet alleen voor.",
        vec![a2id],
        vec![i_leraren],
    );
    let (o1id, o2id, o3id, o4id) = (o1.id, o2.id, o3.id, o4.id);
    cycle.outcomes = vec![o1, o2, o3, o4];
    let year = (d(2023, 8, 1), d(2024, 7, 31));
    let iv1 = b.intervention("Kernteam op elke school", "Wekelijks overleg op school met gezinswerker, begeleider passend onderwijs, leerplicht en JGZ; vragen direct oppakken en samen leren.", &[(o1id, "Vroeg signaleren voorkomt dat leerlingen uitvallen."), (o4id, "Leraren hebben een vast aanspreekpunt.")], vec![bt, swv_po, swv_vo, lp, jgz], Level::Lokaal, year, 1_250_000, Financing::Gezamenlijk, InterventionStatus::Running);
    let iv2 = b.intervention("Twee specialistische aanbieders in plaats van zeventig", "Inkoop bij twee aanbieders, elk voor de helft van de stad, met de bestaande professionals.", &[(o2id, "Minder schakels en vaste lijnen verkorten de wachttijd.")], vec![gu, gb], Level::Regionaal, year, 0, Financing::Gemeente, InterventionStatus::Running);
    let iv3 = b.intervention("Directe consultatie via gezinswerker en JGZ", "De gezinswerker en jeugdarts in het kernteam schakelen namens de partners specialistische hulp in, te beginnen met consultatie.", &[(o2id, "Hulp start eerder, zonder aparte verwijzing."), (o3id, "Ouders houden één aanspreekpunt.")], vec![bt, jgz], Level::Lokaal, year, 180_000, Financing::Gemeente, InterventionStatus::Running);
    let iv4 = b.intervention(
        "Casusreflectie in de kernteams",
        "Elk kwartaal bespreken kernteams wat anders had gekund, op proces en op inhoud.",
        &[(o4id, "Leraren en professionals leren van lastige casussen.")],
        vec![swv_vo, bt],
        Level::Lokaal,
        year,
        40_000,
        Financing::Samenwerkingsverband,
        InterventionStatus::Running,
    );
    let (v1, v2, v3, v4) = (iv1.id, iv2.id, iv3.id, iv4.id);
    cycle.interventions = vec![iv1, iv2, iv3, iv4];
    let mut ms = b.measurements(
        it,
        "Leerplicht",
        &[
            (d(2023, 11, 1), 46.0),
            (d(2024, 2, 1), 42.0),
            (d(2024, 5, 1), 39.0),
            (d(2024, 7, 1), 37.0),
        ],
    );
    ms.extend(b.measurements(
        iw,
        "Contractmanagement",
        &[
            (d(2023, 10, 1), 10.5),
            (d(2024, 1, 1), 9.0),
            (d(2024, 4, 1), 8.5),
            (d(2024, 7, 1), 8.0),
        ],
    ));
    ms.extend(b.measurements(
        io,
        "Ouderpeiling",
        &[(d(2024, 3, 1), 63.0), (d(2024, 6, 1), 66.0)],
    ));
    ms.extend(b.measurements(
        il,
        "Lerarenpeiling",
        &[(d(2024, 3, 1), 57.0), (d(2024, 6, 1), 61.0)],
    ));
    cycle.evaluation = Evaluation {
        measurements: ms,
        judgements: vec![
            b.judgement(v1, ContributionJudgement::Clear, "Kernteams melden vrijwel alle dreigende uitval vroeg; het aantal thuiszitters daalde elk kwartaal.", Decision::Continue),
            b.judgement(v2, ContributionJudgement::Some, "Wachttijd daalt, maar de aansluiting op het speciaal onderwijs blijft achter.", Decision::Adjust),
            b.judgement(v3, ContributionJudgement::Some, "Consultatie wordt veel gebruikt; ouders noemen het vaste aanspreekpunt.", Decision::Strengthen),
            b.judgement(v4, ContributionJudgement::Unknown, "Nog te weinig zicht; leraren zijn positief maar meten is lastig.", Decision::Continue),
        ],
        lessons: b.texts(&[
            "Maak afspraken met de twee aanbieders en het speciaal onderwijs over gezamenlijke casusregie.",
            "Meet de ervaring van leraren vaker dan één keer per jaar.",
            "Stelseloverstijgende casussen vragen een vaste bovenregionale tafel.",
        ]),
        scan: b.scan(
            d(2024, 6, 20),
            &[
                (gu, "554 444 443 33 333 44 43 32 43"),
                (swv_po, "544 454 443 43 323 44 33 22 33"),
                (bt, "444 554 443 43 333 43 33 3x 3x"),
                (ou, "443 433 3x3 33 xx3 xx 33 xx 3x"),
            ],
        ),
    };
    if let Some(first) = cycle
        .outcomes
        .first_mut()
        .and_then(|o| o.indicators.first_mut())
    {
        first.dialogue = DataDialogue {
            // undated: held before dialogues had dates
            date: None,
            recognise: "Ja: de kernteams zien minder leerlingen lang thuiszitten.".into(),
            explain: "Vroeg signaleren in het kernteam; de daling is het grootst op scholen waar het kernteam wekelijks overlegt.".into(),
            opinion: "Goed op weg, maar vrijstellingen (5a) blijven gelijk: volgende cyclus apart bespreken.".into(),
        };
    }
    // what the partners said looking at the support analysis' chart together
    cycle.analysis.support.dialogue = DataDialogue {
        date: Some(d(2024, 3, 14)),
        recognise: "Ja: in het vo is het grijze gebied het grootst, vooral op het Vakcollege.".into(),
        explain: "Waar jeugdhulp op school zit, krijgen leerlingen beide; elders wachten ze op een verwijzing.".into(),
        opinion: "Het Lyceum heeft wachtenden en niemand die het oppakt: dat bespreken we in het OOGO.".into(),
    };
    b.0.cycles[0] = cycle;
    let mut p = b.0;
    p.start_next_cycle(0);
    if let Some(c) = p.cycles.get_mut(1) {
        c.name = "Cyclus 2024-2025".into();
        c.status = CycleStatus::Running;
        // the new school year's counts, of the schools that sent them so far (invented); the
        // others are carried without counts until they come in
        let new_counts: [(&str, [u32; 5]); 4] = [
            ("90AA", [405, 35, 31, 15, 2]),
            ("90AB", [291, 24, 30, 12, 0]),
            ("90BA", [1255, 92, 80, 35, 6]),
            ("90BB", [652, 85, 78, 41, 9]),
        ];
        for r in &mut c.analysis.support.schools {
            if let Some((_, counts)) = new_counts.iter().find(|(brin, _)| r.brin == *brin) {
                let [pupils, edu, youth, both, waiting] = counts.map(Some);
                (r.pupils, r.education_support, r.youth_care) = (pupils, edu, youth);
                (r.both, r.waiting) = (both, waiting);
            }
        }
    }
    let mut b = B(p);
    facilitation_utrecht(&mut b, oogo, [gu, gb, swv_po, swv_vo, ou]);
    b.0
}

/// Meetings with actions, the samenwerkingsagenda with its yearly check, and an intervision
/// session whose tips are tagged to steps of the second cycle.
fn facilitation_utrecht(b: &mut B, oogo: Id, [gu, gb, swv_po, swv_vo, ou]: [Id; 5]) {
    b.0.agenda.themes = b.texts(&[
        "Jeugdhulp in en om de school (kernteams)",
        "Thuiszitters en vrijstellingen",
        "Aansluiting specialistische jeugdhulp en speciaal onderwijs",
        "Ouders als partner",
    ]);
    let check = AgendaCheck {
        id: b.id(),
        date: Some(d(2024, 6, 20)),
        still_current: Some(true),
        add: "Aansluiting speciaal onderwijs als apart thema.".into(),
        drop: String::new(),
        escalate: "Wie betaalt onderwijs-zorgarrangementen in het vso?".into(),
    };
    b.0.agenda.checks.push(check);
    let attendees = |roles: &[(Id, &str)]| -> Vec<Attendee> {
        roles
            .iter()
            .map(|(p, r)| Attendee {
                partner: *p,
                role: (*r).into(),
            })
            .collect()
    };
    let mut spring = Meeting::new(b.id());
    spring.title = "OOGO voorjaar 2024".into();
    spring.date = Some(d(2024, 3, 14));
    spring.table = Some(oogo);
    spring.attendees = attendees(&[
        (gu, "wethouder jeugd"),
        (gb, "wethouder jeugd"),
        (swv_po, "directeur-bestuurder"),
        (swv_vo, "directeur-bestuurder"),
    ]);
    spring.agenda = b.texts(&["Voortgang kernteams", "Cijfers thuiszitters"]);
    spring.notes = "Kernteams draaien op alle scholen; thuiszitters dalen elk kwartaal.".into();
    spring.decisions = b.texts(&["De kernteams blijven in schooljaar 2024-2025."]);
    spring.actions = vec![
        Action {
            id: b.id(),
            what: "Voorstel casusregie met de twee aanbieders".into(),
            owner: Some(gu),
            role: String::new(),
            due: Some(d(2024, 9, 1)),
            status: ActionStatus::Done,
        },
        Action {
            id: b.id(),
            what: "Ouderpeiling twee keer per jaar".into(),
            owner: Some(ou),
            role: String::new(),
            due: Some(d(2025, 1, 15)),
            status: ActionStatus::Open,
        },
    ];
    let mut autumn = Meeting::new(b.id());
    autumn.title = "OOGO najaar 2024".into();
    autumn.date = Some(d(2024, 10, 10));
    autumn.table = Some(oogo);
    autumn.attendees = attendees(&[(gu, "wethouder jeugd"), (swv_vo, "directeur-bestuurder")]);
    autumn.agenda = b.texts(&["Jaarcheck samenwerkingsagenda", "Speciaal onderwijs"]);
    autumn.actions = vec![Action {
        id: b.id(),
        what: "Afspraken met het speciaal onderwijs over gezamenlijke casusregie".into(),
        owner: Some(swv_vo),
        role: String::new(),
        due: Some(d(2025, 3, 1)),
        status: ActionStatus::InProgress,
    }];
    b.0.meetings = vec![spring, autumn];

    let mut session = IntervisionSession::new(b.id());
    session.title = "Intervisie met twee andere regio's (voorbeeld)".into();
    session.date = Some(d(2024, 11, 5));
    session.case_question = "Hoe houden we de kernteams overeind nu de wachttijd voor specialistische hulp weer oploopt?".into();
    session.participants = vec![
        Participant {
            region: "Regio Utrecht (voorbeeld)".into(),
            role: CASE_OWNER.into(),
            ..Participant::default()
        },
        Participant {
            region: "Regio Eemland (voorbeeld)".into(),
            role: "beleidsadviseur gemeente".into(),
            ..Participant::default()
        },
        Participant {
            region: "SWV Heuvelrug (voorbeeld)".into(),
            role: "coördinator passend onderwijs".into(),
            ..Participant::default()
        },
    ];
    session.lessons = b.texts(&[
        "Een vaste gezinswerker per school is de kern: bezuinig daar als laatste.",
        "Meet wachttijd per route, anders verdwijnt het effect van het kernteam in het gemiddelde.",
    ]);
    let sid = session.id;
    b.0.intervisions.push(session);
    let cycle = b.0.cycles.get(1).map(|c| c.id);
    let tips = [
        (
            "Spreek met beide aanbieders een maximale wachttijd af voor kinderen uit het kernteam.",
            Step::Interventions,
            false,
        ),
        (
            "Meet de wachttijd apart voor verwijzingen via het kernteam en via de huisarts.",
            Step::Outcomes,
            true,
        ),
    ];
    for (text, step, taken_up) in tips {
        let id = b.id();
        b.0.tips.push(Tip {
            text: text.into(),
            session: Some(sid),
            cycle,
            step: Some(step),
            taken_up,
            ..Tip::new(id)
        });
    }
}

fn rivierenland() -> Project {
    let mut b = B(Project::new_with_ids(
        IdSource::starting_at(1),
        "Regio Rivierenland (fictief)",
        d(2024, 1, 1),
        d(2024, 12, 31),
    ));
    b.0.region.samenwerkingsverband = "SWV Passend Onderwijs Rivierenland PO (fictief)".into();
    b.0.region.gemeenten = vec![
        "Tielerwaard".into(),
        "Lingedal".into(),
        "Maasveld".into(),
        "Waaldorp".into(),
        "Betuwe-Oost".into(),
    ];
    b.0.region.notes = "VOORBEELDDATA. Een verzonnen regio met vijf gemeenten en de problemen uit het grijze gebied tussen onderwijs en jeugdhulp: wachtlijsten, discussie over wie betaalt, veel vrijstellingen. Alle cijfers zijn verzonnen en samengevoegd.".into();
    let g1 = b.partner(
        "Gemeente Tielerwaard (centrumgemeente)",
        PartnerKind::Gemeente,
        "Centrumgemeente; voert de regionale inkoop uit.",
    );
    let g2 = b.partner(
        "Gemeente Lingedal",
        PartnerKind::Gemeente,
        "Lid van de regionale inkoop.",
    );
    let g3 = b.partner(
        "Gemeente Maasveld",
        PartnerKind::Gemeente,
        "Lid van de regionale inkoop.",
    );
    let swv = b.partner(
        "SWV Rivierenland PO",
        PartnerKind::Samenwerkingsverband,
        "Verdeelt de ondersteuningsmiddelen; voorzitter van het thuiszittersoverleg.",
    );
    let sb = b.partner(
        "Stichting Primair Onderwijs Rivierenland",
        PartnerKind::Schoolbestuur,
        "Grootste schoolbestuur in de regio.",
    );
    let wt = b.partner(
        "Lokale teams",
        PartnerKind::Wijkteam,
        "Toegang tot jeugdhulp per gemeente.",
    );
    let jh = b.partner(
        "Jeugdhulp De Linge",
        PartnerKind::Jeugdhulpaanbieder,
        "Ambulante jeugdhulp; pilot jeugdhulp in de school.",
    );
    let lp = b.partner(
        "Regionaal Bureau Leerplicht",
        PartnerKind::Leerplicht,
        "Registreert thuiszitters en vrijstellingen.",
    );
    let _ou = b.partner(
        "Ouder- en jongerenraad",
        PartnerKind::OudersJongeren,
        "Denkt mee en toetst plannen.",
    );
    let oogo = b.table(TableKind::Oogo, "OOGO Rivierenland", vec![g1, g2, g3, swv]);
    let _inkoop = b.table(TableKind::Inkooptafel, "", vec![g1, g2, g3, jh]);
    let own = b.table(TableKind::Own, "Thuiszittersoverleg", vec![swv, lp, wt, jh]);

    let mut cycle = b.0.cycles[0].clone();
    cycle.name = "Cyclus 2024".into();
    cycle.status = CycleStatus::Completed;
    cycle.analysis = Analysis {
        data_points: vec![
            b.data(
                "Vrijstellingen artikel 5a",
                42.0,
                "leerlingen",
                "Regionaal Bureau Leerplicht",
                d(2024, 1, 1),
                Domain::Onderwijs,
            ),
            b.data(
                "Thuiszitters (alle duur)",
                65.0,
                "leerlingen",
                "Regionaal Bureau Leerplicht",
                d(2024, 1, 1),
                Domain::Onderwijs,
            ),
            b.data(
                "Wachttijd jeugdhulp na verwijzing",
                16.0,
                "weken",
                "Centrumgemeente",
                d(2023, 12, 1),
                Domain::Jeugdhulp,
            ),
            b.data(
                "Jeugdigen met jeugdhulp",
                11.5,
                "%",
                "CBS, monitor jeugdhulp",
                d(2023, 6, 30),
                Domain::Jeugdhulp,
            ),
        ],
        strengths: b.texts(&[
            "Het thuiszittersoverleg komt elke maand bij elkaar en kent de casussen.",
            "Lokale teams zijn goed bereikbaar voor scholen.",
        ]),
        problems: b.texts(&[
            "Kinderen in het grijze gebied wachten terwijl partners discussiëren over wie betaalt.",
            "Lange wachtlijsten voor specialistische jeugdhulp.",
            "Veel vrijstellingen 5a, vooral bij leerlingen met een meervoudige beperking.",
            "Afspraken verschillen per gemeente; scholen weten niet waar ze moeten zijn.",
        ]),
        signals: vec![
            b.signal(
                SignalSource::Professionals,
                None,
                "Intern begeleiders: 'we melden wel, maar horen daarna niets meer'.",
            ),
            b.signal(
                SignalSource::Parents,
                None,
                "Ouders moeten hun verhaal bij elk loket opnieuw vertellen.",
            ),
            b.signal(
                SignalSource::YoungPeople,
                None,
                "Jongeren willen hulp op school, niet na schooltijd ergens anders.",
            ),
        ],
        collaboration_model: Some(CollaborationModel::Keten),
        phase: Some(Phase::Opbouw),
        bottlenecks: vec![
            CommonBottleneck::WaitingLists,
            CommonBottleneck::FinancingDisputes,
            CommonBottleneck::UnclearRoles,
            CommonBottleneck::MissingAgreements,
            CommonBottleneck::ParentsNotInvolved,
        ],
        own_bottlenecks: vec![b.text("Vijf gemeenten met vijf verschillende toegangsroutes.")],
        scan: b.scan(
            d(2024, 2, 6),
            &[
                (g1, "433 444 322 22 322 32 22 21 22"),
                (swv, "332 222 222 21 212 32 21 11 12"),
                (wt, "333 333 2x2 22 222 xx 22 xx 2x"),
                (jh, "322 333 222 2x 222 22 22 1x 2x"),
            ],
        ),
        support: b.schools(&[
            (
                "Basisschool De Waard (voorbeeld)",
                "91AA",
                "Stichting Rivierenland Primair (voorbeeld)",
                Sector::Po,
                [312, 26, 18, 7, 4],
                Some(wt),
                "Lokaal team op afroep; geen vast overleg.",
            ),
            (
                "Basisschool Dijkzicht (voorbeeld)",
                "91AB",
                "Stichting Rivierenland Primair (voorbeeld)",
                Sector::Po,
                [175, 14, 16, 9, 0],
                Some(wt),
                "Jeugdhulp op school (pilot).",
            ),
            (
                "Basisschool Uiterwaarden (voorbeeld)",
                "91AC",
                "Vereniging Christelijk Onderwijs (voorbeeld)",
                Sector::Po,
                [224, 19, 11, 3, 0],
                None,
                "Intern begeleider meldt bij het lokale team.",
            ),
            (
                "SG Lingedal (voorbeeld)",
                "91BA",
                "Stichting VO Rivierenland (voorbeeld)",
                Sector::Vo,
                [1480, 121, 88, 37, 14],
                None,
                "Zorgadviesteam maandelijks; jeugdhulp buiten school.",
            ),
            (
                "Praktijkschool De Maas (voorbeeld)",
                "91BB",
                "Stichting VO Rivierenland (voorbeeld)",
                Sector::Vo,
                [310, 64, 52, 33, 6],
                Some(swv),
                "Jeugdhulp op school (pilot); wekelijks overleg.",
            ),
            (
                "De Kolk, so/vso (voorbeeld)",
                "91CA",
                "Stichting Speciaal Onderwijs (voorbeeld)",
                Sector::So,
                [118, 118, 64, 64, 5],
                Some(swv),
                "Onderwijszorgarrangement; frictiepot bij geschillen.",
            ),
        ]),
    };
    let a1 = b.ambition("Geen kind tussen wal en schip", "Elk kind heeft binnen vier weken een passende plek of passende hulp, ongeacht wie er betaalt.", vec![g1, g2, g3, swv, sb], Level::Regionaal, oogo);
    let a2 = b.ambition(
        "Hulp waar het kind is",
        "Jeugdhulp komt naar de school in plaats van het kind naar de hulp.",
        vec![g1, swv, jh, wt],
        Level::Lokaal,
        own,
    );
    let (a1id, a2id) = (a1.id, a2.id);
    cycle.ambitions = vec![a1, a2];
    cycle.principles = b.texts(&[
        "Eerst het kind, dan de rekening.",
        "Eén kind, één plan, één aanspreekpunt.",
        "Wat in één gemeente werkt, delen we met de andere vier.",
    ]);
    let i_vrij = b.indicator(
        "Vrijstellingen 5a",
        "Aantal leerlingen met een vrijstelling op grond van artikel 5a Leerplichtwet.",
        "leerlingen",
        Direction::Decrease,
        (42.0, d(2024, 1, 1)),
        (30.0, d(2025, 12, 31)),
        "Regionaal Bureau Leerplicht",
        lp,
    );
    let i_thuis = b.indicator(
        "Thuiszitters",
        "Aantal thuiszitters (alle duur) op peildatum.",
        "leerlingen",
        Direction::Decrease,
        (65.0, d(2024, 1, 1)),
        (45.0, d(2025, 12, 31)),
        "Regionaal Bureau Leerplicht",
        lp,
    );
    let i_wacht = b.indicator(
        "Wachttijd jeugdhulp",
        "Gemiddelde weken van verwijzing tot start hulp.",
        "weken",
        Direction::Decrease,
        (16.0, d(2023, 12, 1)),
        (10.0, d(2025, 12, 1)),
        "Centrumgemeente",
        g1,
    );
    let i_sign = b.indicator("Signalen van leraren opgepakt", "Aandeel meldingen van scholen waarop binnen twee weken een reactie van het lokale team kwam.", "%", Direction::Increase, (40.0, d(2024, 1, 1)), (65.0, d(2025, 12, 31)), "Registratie lokale teams", g1);
    let (iv, it, iw, is) = (i_vrij.id, i_thuis.id, i_wacht.id, i_sign.id);
    let o1 = b.outcome(
        "Minder vrijstellingen",
        "Meer kinderen met een beperking volgen (een vorm van) onderwijs.",
        vec![a1id],
        vec![i_vrij],
    );
    let o2 = b.outcome(
        "Minder thuiszitters",
        "Kinderen zitten niet thuis in afwachting van een besluit over geld.",
        vec![a1id],
        vec![i_thuis],
    );
    let o3 = b.outcome(
        "Snellere hulp",
        "Kortere wachttijden voor jeugdhulp.",
        vec![a1id, a2id],
        vec![i_wacht],
    );
    let o4 = b.outcome(
        "Signalen van leraren worden opgepakt",
        "Leraren merken dat hun zorgen tot actie leiden.",
        vec![a2id],
        vec![i_sign],
    );
    let (o1id, o2id, o3id, o4id) = (o1.id, o2.id, o3.id, o4.id);
    cycle.outcomes = vec![o1, o2, o3, o4];
    let year = (d(2024, 1, 1), d(2024, 12, 31));
    let v1 = b.intervention("Frictiepot voor het grijze gebied", "Een gezamenlijk budget waaruit het thuiszittersoverleg direct een arrangement betaalt; de verrekening volgt later.", &[(o2id, "Geen wachten op een besluit over wie betaalt."), (o1id, "Maatwerk maakt onderwijs mogelijk waar nu een vrijstelling wordt gegeven.")], vec![g1, swv], Level::Regionaal, year, 150_000, Financing::Frictiepot, InterventionStatus::Running);
    let v2 = b.intervention(
        "Jeugdhulp in de school (pilot zes scholen)",
        "Een jeugdhulpverlener van De Linge is twee dagen per week op school.",
        &[
            (o3id, "Lichte hulp start direct, zonder verwijzing."),
            (o4id, "Leraren hebben een vast aanspreekpunt."),
        ],
        vec![jh, sb, g2],
        Level::Lokaal,
        year,
        320_000,
        Financing::Gezamenlijk,
        InterventionStatus::Running,
    );
    let v3 = b.intervention(
        "Eén regionaal toegangsformulier",
        "Eén formulier en één route voor scholen in alle vijf gemeenten.",
        &[(o4id, "Scholen weten waar ze moeten zijn.")],
        vec![g1, g2, g3],
        Level::Regionaal,
        year,
        25_000,
        Financing::Gemeente,
        InterventionStatus::Completed,
    );
    let v4 = b.intervention(
        "Collectieve financiering onderwijs-zorgarrangementen",
        "Vaste bekostiging per school in plaats van een besluit per leerling.",
        &[(o1id, "Arrangementen starten zonder indicatie per kind.")],
        vec![swv, g1],
        Level::Regionaal,
        year,
        400_000,
        Financing::Gezamenlijk,
        InterventionStatus::Planned,
    );
    let (v1id, v2id, v3id, v4id) = (v1.id, v2.id, v3.id, v4.id);
    cycle.interventions = vec![v1, v2, v3, v4];
    let mut ms = b.measurements(
        iv,
        "Leerplicht",
        &[
            (d(2024, 4, 1), 41.0),
            (d(2024, 7, 1), 39.0),
            (d(2024, 10, 1), 38.0),
            (d(2024, 12, 31), 36.0),
        ],
    );
    ms.extend(b.measurements(
        it,
        "Leerplicht",
        &[
            (d(2024, 4, 1), 61.0),
            (d(2024, 7, 1), 58.0),
            (d(2024, 10, 1), 60.0),
            (d(2024, 12, 31), 54.0),
        ],
    ));
    ms.extend(b.measurements(
        iw,
        "Centrumgemeente",
        &[
            (d(2024, 3, 1), 16.0),
            (d(2024, 6, 1), 17.0),
            (d(2024, 9, 1), 15.0),
            (d(2024, 12, 1), 14.0),
        ],
    ));
    ms.extend(b.measurements(
        is,
        "Registratie lokale teams",
        &[(d(2024, 6, 30), 48.0), (d(2024, 12, 31), 55.0)],
    ));
    cycle.evaluation = Evaluation {
        measurements: ms,
        judgements: vec![
            b.judgement(v1id, ContributionJudgement::Clear, "23 kinderen kregen binnen twee weken een arrangement; bij 19 was dat eerder een thuiszitsituatie geworden.", Decision::Strengthen),
            b.judgement(v2id, ContributionJudgement::Some, "Op de pilotscholen daalde het aantal verwijzingen; wachttijd regionaal nog nauwelijks.", Decision::Continue),
            b.judgement(v3id, ContributionJudgement::None, "Het formulier wordt weinig gebruikt; scholen bellen liever het lokale team.", Decision::Stop),
            b.judgement(v4id, ContributionJudgement::Unknown, "Nog niet gestart; besluit in het OOGO van maart.", Decision::Adjust),
        ],
        lessons: b.texts(&[
            "Een vast gezicht werkt beter dan een formulier.",
            "De frictiepot werkt alleen als het thuiszittersoverleg zelf mag beslissen.",
            "Betrek ouders en jongeren eerder: de ouderraad hoorde pas achteraf van de pilot.",
        ]),
        scan: b.scan(
            d(2024, 12, 10),
            &[
                (g1, "443 444 332 32 323 33 32 22 33"),
                (swv, "343 333 332 22 322 33 32 22 23"),
                (wt, "343 443 3x3 32 322 xx 32 xx 3x"),
                (jh, "333 443 332 3x 322 32 32 2x 2x"),
            ],
        ),
    };
    b.0.cycles[0] = cycle;
    b.0
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-projects");
    for (name, project) in [
        ("utrecht-voorbeeld.ron", utrecht()),
        ("regio-rivierenland-voorbeeld.ron", rivierenland()),
    ] {
        let text = kompas::storage::to_ron_string(&project)?;
        std::fs::write(dir.join(name), text)?;
        println!("wrote {name}");
    }
    Ok(())
}
