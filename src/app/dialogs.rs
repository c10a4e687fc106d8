//! Native file dialogs (rfd) behind a trait, so tests can answer them. The window never
//! waits for a dialog: it asks, goes on drawing frames (autosave goes on too), and takes the
//! answer in when it comes.

use crate::i18n::t;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

/// What kind of file a dialog asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A Kompas project (`.ron`).
    Project,
    /// A spreadsheet file (`.csv`, also `.txt`/`.tsv` to open).
    Csv,
    /// Plain text (`.txt`).
    Text,
    /// A report as a web page (`.html`).
    Html,
    /// A table to import measurements from: CSV, or an Excel/OpenDocument workbook.
    Table,
    /// A report as Markdown (`.md`).
    Markdown,
    /// A folder (of region project files).
    Folder,
    /// A picture as SVG (`.svg`).
    Svg,
    /// A picture as PNG (`.png`).
    Png,
    /// An Excel workbook (`.xlsx`).
    Xlsx,
    /// A report as a Word document (`.docx`).
    Docx,
    /// Lessons shared by a region (`.kompaslessen`; to take in, also a region's `.ron`).
    Lessons,
    /// Another copy or an older version of a project, to merge or compare (`.ron`, `.bak`).
    Copy,
}

impl FileKind {
    fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Self::Project => (t!("dialog.filter"), &["ron"]),
            Self::Csv => (t!("dialog.filter_csv"), &["csv", "txt", "tsv"]),
            Self::Table => (
                t!("dialog.filter_table"),
                &["csv", "txt", "tsv", "xlsx", "ods"],
            ),
            Self::Text => (t!("dialog.filter_text"), &["txt"]),
            Self::Html => (t!("dialog.filter_html"), &["html", "htm"]),
            Self::Markdown => (t!("dialog.filter_md"), &["md"]),
            Self::Folder => (t!("dialog.filter_folder"), &[]),
            Self::Svg => (t!("dialog.filter_svg"), &["svg"]),
            Self::Png => (t!("dialog.filter_png"), &["png"]),
            Self::Xlsx => (t!("dialog.filter_xlsx"), &["xlsx"]),
            Self::Docx => (t!("dialog.filter_docx"), &["docx"]),
            Self::Lessons => (t!("dialog.filter_lessons"), &["kompaslessen", "ron"]),
            Self::Copy => (t!("dialog.filter_copy"), &["ron", "bak"]),
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Self::Project | Self::Copy => "ron",
            Self::Csv | Self::Table => "csv",
            Self::Text => "txt",
            Self::Html => "html",
            Self::Markdown => "md",
            Self::Folder => "",
            Self::Svg => "svg",
            Self::Png => "png",
            Self::Xlsx => "xlsx",
            Self::Docx => "docx",
            Self::Lessons => crate::storage::SHARED_EXTENSION,
        }
    }
}

/// What to ask the user.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    pub kind: FileKind,
    /// A place to save (with `suggested_name`), or a file or folder to open.
    pub save: bool,
    pub suggested_name: String,
    /// The folder the dialog starts in: the project's, or the one last used.
    pub start_dir: Option<PathBuf>,
}

/// An answer on its way: `None` while the dialog is open.
pub struct Pending(Receiver<Option<PathBuf>>);

impl Pending {
    /// A dialog that answered already.
    pub fn answered(answer: Option<PathBuf>) -> Self {
        let (tx, pending) = Self::channel();
        if tx.send(answer).is_err() {
            // cannot happen: the receiver is right here
            log::error!("a file dialog's answer was lost");
        }
        pending
    }

    /// A dialog that answers later, through the sender.
    pub fn channel() -> (Sender<Option<PathBuf>>, Self) {
        let (tx, rx) = channel();
        (tx, Self(rx))
    }

    /// `Some(answer)` once the dialog is closed (a cancelled dialog, or one that is gone,
    /// answers `None`).
    pub fn poll(&self) -> Option<Option<PathBuf>> {
        match self.0.try_recv() {
            Ok(answer) => Some(answer),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(None),
        }
    }
}

/// Asks the user for a file to open or a place to save.
pub trait FileDialogs {
    fn pick_open(&mut self, kind: FileKind) -> Option<PathBuf>;
    fn pick_save(&mut self, kind: FileKind, suggested_name: &str) -> Option<PathBuf>;

    /// Asks without waiting for the answer; `ctx` is woken when it comes. By default it
    /// answers at once through the two methods above (the fakes in tests).
    fn ask(&mut self, request: Request, _ctx: &egui::Context) -> Pending {
        Pending::answered(if request.save {
            self.pick_save(request.kind, &request.suggested_name)
        } else {
            self.pick_open(request.kind)
        })
    }
}

/// The system's own dialogs.
pub struct NativeDialogs;

fn native_dialog(kind: FileKind, start_dir: Option<&Path>) -> rfd::AsyncFileDialog {
    let mut d = rfd::AsyncFileDialog::new();
    if kind != FileKind::Folder {
        let (name, ext) = kind.filter();
        d = d.add_filter(name, ext);
    }
    if let Some(dir) = start_dir.filter(|d| d.is_dir()) {
        d = d.set_directory(dir);
    }
    d
}

impl FileDialogs for NativeDialogs {
    fn pick_open(&mut self, kind: FileKind) -> Option<PathBuf> {
        block_on(pick_open_async(native_dialog(kind, None), kind))
    }

    fn pick_save(&mut self, kind: FileKind, suggested_name: &str) -> Option<PathBuf> {
        let d = native_dialog(kind, None).set_file_name(suggested_name);
        block_on(save_async(d, kind))
    }

    fn ask(&mut self, request: Request, ctx: &egui::Context) -> Pending {
        // the dialog is made here, on the window's thread (macOS wants that); its future is
        // then waited for on a thread of its own
        let d = native_dialog(request.kind, request.start_dir.as_deref());
        let kind = request.kind;
        let future: std::pin::Pin<Box<dyn Future<Output = Option<PathBuf>> + Send>> =
            if request.save {
                Box::pin(save_async(d.set_file_name(&request.suggested_name), kind))
            } else {
                Box::pin(pick_open_async(d, kind))
            };
        let (tx, pending) = Pending::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("kompas-file-dialog".into())
            .spawn(move || {
                if tx.send(block_on(future)).is_err() {
                    log::info!("a file dialog answered after the window stopped waiting for it");
                }
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => pending,
            Err(_) => Pending::answered(None),
        }
    }
}

fn pick_open_async(
    d: rfd::AsyncFileDialog,
    kind: FileKind,
) -> impl Future<Output = Option<PathBuf>> + Send {
    let picked = if kind == FileKind::Folder {
        Box::pin(d.pick_folder())
            as std::pin::Pin<Box<dyn Future<Output = Option<rfd::FileHandle>> + Send>>
    } else {
        Box::pin(d.pick_file())
    };
    async move { picked.await.map(|h| h.path().to_path_buf()) }
}

fn save_async(
    d: rfd::AsyncFileDialog,
    kind: FileKind,
) -> impl Future<Output = Option<PathBuf>> + Send {
    let saved = d.save_file();
    async move {
        saved.await.map(|h| {
            let p = h.path().to_path_buf();
            if p.extension().is_none() {
                p.with_extension(kind.extension())
            } else {
                p
            }
        })
    }
}

/// Runs a future to its end on this thread (a dialog's: it only waits for the user).
fn block_on<T>(future: impl Future<Output = T>) -> T {
    use std::sync::Arc;
    use std::task::{Context, Poll, Wake, Waker};
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        match future.as_mut().poll(&mut cx) {
            Poll::Ready(v) => return v,
            Poll::Pending => std::thread::park(),
        }
    }
}
