//! The name of every [`Command`], by its translation key: one exhaustive match, so a new
//! command cannot be left without a name in the menus, the palette or Help › Shortcuts.

use super::Command;
use crate::i18n::key;

impl Command {
    /// The translation key of the command's name.
    pub fn label_key(self) -> crate::i18n::Key {
        match self {
            Self::New => key!("cmd.new"),
            Self::Open => key!("cmd.open"),
            Self::Save => key!("cmd.save"),
            Self::SaveAs => key!("cmd.save_as"),
            Self::MergeWith => key!("cmd.merge_with"),
            Self::CompareWith => key!("cmd.compare_with"),
            Self::CloseProject => key!("cmd.close"),
            Self::Quit => key!("cmd.quit"),
            Self::Undo => key!("cmd.undo"),
            Self::Redo => key!("cmd.redo"),
            Self::ZoomIn => key!("cmd.zoom_in"),
            Self::ZoomOut => key!("cmd.zoom_out"),
            Self::ZoomReset => key!("cmd.zoom_reset"),
            Self::Dutch => key!("cmd.lang_nl"),
            Self::English => key!("cmd.lang_en"),
            Self::ToggleDark => key!("cmd.dark"),
            Self::ToggleGuidance => key!("cmd.guidance"),
            Self::StartNextCycle => key!("cmd.next_cycle"),
            Self::NextStep => key!("cmd.next_step"),
            Self::PreviousStep => key!("cmd.previous_step"),
            Self::ShowRegion => key!("cmd.show_region"),
            Self::ShowAnalysis => key!("cmd.show_analysis"),
            Self::ShowAmbitions => key!("cmd.show_ambitions"),
            Self::ShowOutcomes => key!("cmd.show_outcomes"),
            Self::ShowInterventions => key!("cmd.show_interventions"),
            Self::ShowEvaluation => key!("cmd.show_evaluation"),
            Self::ShowDashboard => key!("cmd.show_dashboard"),
            Self::ShowChain => key!("cmd.show_chain"),
            Self::ShowMeetings => key!("cmd.show_meetings"),
            Self::ShowIntervision => key!("cmd.show_intervision"),
            Self::OpenOverview => key!("overview.open"),
            Self::ToggleWorkshop => key!("cmd.workshop"),
            Self::WorkshopNext => key!("cmd.workshop_next"),
            Self::WorkshopPrevious => key!("cmd.workshop_previous"),
            Self::ImportCsv => key!("cmd.import_csv"),
            Self::ImportSupport => key!("cmd.import_support"),
            Self::ExportHtml => key!("cmd.export_html"),
            Self::ExportMarkdown => key!("cmd.export_md"),
            Self::ExportDocx => key!("cmd.export_docx"),
            Self::ExportCsv => key!("cmd.export_csv"),
            Self::ExportXlsx => key!("cmd.export_xlsx"),
            Self::ExportChainSvg => key!("cmd.export_chain_svg"),
            Self::ExportChainPng => key!("cmd.export_chain_png"),
            Self::ShareLessons => key!("cmd.share_lessons"),
            Self::TakeInLessons => key!("cmd.take_in_lessons"),
            Self::Guide => key!("cmd.guide"),
            Self::Shortcuts => key!("cmd.shortcuts"),
            Self::Palette => key!("cmd.palette"),
            Self::About => key!("cmd.about"),
            Self::PresentIntervision => key!("cmd.present_intervision"),
            Self::RecoverSetAside => key!("cmd.recover_set_aside"),
        }
    }
}
