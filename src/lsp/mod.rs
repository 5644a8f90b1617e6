//! `tieuchi lsp`: a Language Server for `.tc` files over standard input and output
//! (rust-analyzer's `lsp-server` transport, synchronous). Every open document is checked again
//! on each change (the check of a 1,000-line file takes milliseconds: no debounce), with the
//! files it `use`s read from the editor's buffers when they are open, else from disk.
//!
//! Features: diagnostics (the checker's, with code, help and labels; a used file's diagnostics
//! published for that file), hover, go to definition, find references, rename (with
//! prepareRename), completion, document symbols, formatting (through `fmt`), and quick fixes
//! for the diagnostics whose help is an edit. Positions are in UTF-16 code units.

mod complete;
mod edit;
mod hover;
pub mod index;
pub mod lines;
mod state;

use crate::i18n::Lang;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
    Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, Formatting, GotoDefinition, HoverRequest,
    PrepareRenameRequest, References, Rename, Request as _,
};
use lsp_types::{
    CodeActionProviderCapability, CompletionOptions, Hover, HoverContents, HoverProviderCapability,
    InitializeResult, Location, MarkupContent, MarkupKind, OneOf, Position, PrepareRenameResponse,
    RenameOptions, ServerCapabilities, ServerInfo, TextDocumentSyncCapability,
    TextDocumentSyncKind, Url,
};
use serde_json::Value;
use state::State;

/// An error of the connection (not of the rules: those are diagnostics).
pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// Serves over standard input and output until `exit`; `true` when a `shutdown` came first.
pub fn serve_stdio(lang: Lang) -> Result<bool, Error> {
    let (connection, io_threads) = Connection::stdio();
    let clean = serve(&connection, lang)?;
    drop(connection);
    io_threads.join()?;
    Ok(clean)
}

/// What the server can do, as advertised to the client.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["@".into(), ".".into(), "=".into(), "(".into()]),
            ..CompletionOptions::default()
        }),
        document_symbol_provider: Some(OneOf::Left(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    }
}

/// Serves on `connection` until `exit`; `true` when a `shutdown` came first.
pub fn serve(connection: &Connection, lang: Lang) -> Result<bool, Error> {
    let (id, _params) = connection.initialize_start()?;
    let result = InitializeResult {
        capabilities: capabilities(),
        server_info: Some(ServerInfo {
            name: "tieuchi".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    connection.initialize_finish(id, serde_json::to_value(result)?)?;
    let mut state = State::new(lang);
    for msg in &connection.receiver {
        match msg {
            Message::Request(req) => {
                if connection.handle_shutdown(&req)? {
                    return Ok(true);
                }
                let response = answer(&state, req);
                connection.sender.send(Message::Response(response))?;
            }
            Message::Notification(n) if n.method == "exit" => return Ok(false),
            Message::Notification(n) => {
                if notified(&mut state, n) {
                    for p in state.recheck() {
                        let n = Notification::new(PublishDiagnostics::METHOD.into(), p);
                        connection.sender.send(Message::Notification(n))?;
                    }
                }
            }
            Message::Response(_) => {}
        }
    }
    Ok(false)
}

/// Applies a document notification; true when the documents changed.
fn notified(state: &mut State, n: Notification) -> bool {
    match n.method.as_str() {
        DidOpenTextDocument::METHOD => {
            let Ok(p) = serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(n.params)
            else {
                return false;
            };
            state.set_doc(p.text_document.uri, p.text_document.text);
            true
        }
        DidChangeTextDocument::METHOD => {
            let Ok(p) = serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(n.params)
            else {
                return false;
            };
            // Full sync: the last change holds the whole text.
            match p.content_changes.into_iter().last() {
                Some(c) if c.range.is_none() => {
                    state.set_doc(p.text_document.uri, c.text);
                    true
                }
                _ => false,
            }
        }
        DidSaveTextDocument::METHOD => true,
        DidCloseTextDocument::METHOD => {
            let Ok(p) = serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(n.params)
            else {
                return false;
            };
            state.docs.remove(&p.text_document.uri).is_some()
        }
        _ => false,
    }
}

fn answer(state: &State, req: Request) -> Response {
    let Request { id, method, params } = req;
    match respond(state, &method, params) {
        Ok(value) => Response::new_ok(id, value),
        Err((code, message)) => Response::new_err(id, code as i32, message),
    }
}

type Answer = Result<Value, (ErrorCode, String)>;

fn parse<T: serde::de::DeserializeOwned>(params: Value) -> Result<T, (ErrorCode, String)> {
    serde_json::from_value(params).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

fn to_value(v: impl serde::Serialize) -> Answer {
    serde_json::to_value(v).map_err(|e| (ErrorCode::InternalError, e.to_string()))
}

fn respond(state: &State, method: &str, params: Value) -> Answer {
    match method {
        HoverRequest::METHOD => {
            let p: lsp_types::HoverParams = parse(params)?;
            to_value(hover_at(state, &p.text_document_position_params))
        }
        GotoDefinition::METHOD => {
            let p: lsp_types::GotoDefinitionParams = parse(params)?;
            to_value(definition(state, &p.text_document_position_params))
        }
        References::METHOD => {
            let p: lsp_types::ReferenceParams = parse(params)?;
            let include = p.context.include_declaration;
            to_value(references(state, &p.text_document_position, include))
        }
        PrepareRenameRequest::METHOD => {
            let p: lsp_types::TextDocumentPositionParams = parse(params)?;
            to_value(prepare_rename(state, &p))
        }
        Rename::METHOD => {
            let p: lsp_types::RenameParams = parse(params)?;
            rename(state, &p)
        }
        Completion::METHOD => {
            let p: lsp_types::CompletionParams = parse(params)?;
            to_value(completion(state, &p.text_document_position))
        }
        DocumentSymbolRequest::METHOD => {
            let p: lsp_types::DocumentSymbolParams = parse(params)?;
            let out = state
                .docs
                .get(&p.text_document.uri)
                .map(|d| edit::symbols(&d.text, &d.lines));
            to_value(out.map(lsp_types::DocumentSymbolResponse::Nested))
        }
        Formatting::METHOD => {
            let p: lsp_types::DocumentFormattingParams = parse(params)?;
            let doc = state.docs.get(&p.text_document.uri);
            to_value(doc.map(|d| edit::format(&d.text, &d.lines)))
        }
        CodeActionRequest::METHOD => {
            let p: lsp_types::CodeActionParams = parse(params)?;
            let uri = &p.text_document.uri;
            let out = state
                .analysis_for(uri)
                .map(|(a, _)| edit::code_actions(state, a, uri, p.range))
                .unwrap_or_default();
            to_value(out)
        }
        other => Err((ErrorCode::MethodNotFound, format!("unknown method {other}"))),
    }
}

/// The symbol under the cursor, with the analysis that holds it.
fn sym_at<'s>(
    state: &'s State,
    uri: &Url,
    pos: Position,
) -> Option<(&'s state::Analysis, &'s index::Occurrence)> {
    let (a, file) = state.analysis_for(uri)?;
    let offset = a.offset(file, pos);
    Some((a, a.index.at(file, offset)?))
}

fn hover_at(state: &State, p: &lsp_types::TextDocumentPositionParams) -> Option<Hover> {
    let (a, occ) = sym_at(state, &p.text_document.uri, p.position)?;
    let value = hover::hover(a, &occ.sym, state.lang)?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: Some(a.range(occ.span)),
    })
}

fn definition(state: &State, p: &lsp_types::TextDocumentPositionParams) -> Option<Location> {
    let (a, occ) = sym_at(state, &p.text_document.uri, p.position)?;
    let def = a.index.definition(&occ.sym)?;
    Some(Location::new(
        state.uri_of(a, def.span.file)?,
        a.range(def.span),
    ))
}

fn references(
    state: &State,
    p: &lsp_types::TextDocumentPositionParams,
    include_declaration: bool,
) -> Option<Vec<Location>> {
    let (a, occ) = sym_at(state, &p.text_document.uri, p.position)?;
    let out = a
        .index
        .of(&occ.sym)
        .filter(|o| include_declaration || !o.decl)
        .filter_map(|o| {
            Some(Location::new(
                state.uri_of(a, o.span.file)?,
                a.range(o.span),
            ))
        })
        .collect();
    Some(out)
}

fn prepare_rename(
    state: &State,
    p: &lsp_types::TextDocumentPositionParams,
) -> Option<PrepareRenameResponse> {
    let (a, occ) = sym_at(state, &p.text_document.uri, p.position)?;
    a.index.definition(&occ.sym)?;
    Some(PrepareRenameResponse::Range(a.range(occ.span)))
}

fn rename(state: &State, p: &lsp_types::RenameParams) -> Answer {
    let pos = &p.text_document_position;
    let Some((a, occ)) = sym_at(state, &pos.text_document.uri, pos.position) else {
        return Err((ErrorCode::InvalidRequest, "no declared name here".into()));
    };
    if a.index.definition(&occ.sym).is_none() {
        return Err((ErrorCode::InvalidRequest, "no declared name here".into()));
    }
    let new_name = crate::source::nfc(&p.new_name);
    if let Err(why) = edit::valid_name(&new_name) {
        let message = match why {
            edit::BadName::NotAName => format!("`{new_name}` is not a name"),
            edit::BadName::Keyword => format!("`{new_name}` is a keyword"),
        };
        return Err((ErrorCode::InvalidParams, message));
    }
    to_value(edit::rename(state, a, &occ.sym, &new_name))
}

fn completion(
    state: &State,
    p: &lsp_types::TextDocumentPositionParams,
) -> Option<Vec<lsp_types::CompletionItem>> {
    let uri = &p.text_document.uri;
    let doc = state.docs.get(uri)?;
    let offset = doc.lines.offset(&doc.text, p.position);
    let ctx = complete::context(&doc.text, offset);
    let (a, file) = state
        .parsed_analysis_for(uri)
        .or_else(|| state.analysis_for(uri))?;
    Some(complete::items(a, file, offset, &ctx))
}
