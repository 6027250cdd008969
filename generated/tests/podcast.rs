//! The Podcast client, generated from OpenAPI Generator's Python SDK docs, against a real
//! HTTP server on 127.0.0.1: one test per request body kind the docs state (form,
//! multipart, text, binary) plus the header and cookie parameters.

mod support;

use docs2rs_generated::podcast::{Client, FilePart, params, types};
use serde_json::json;
use support::{Reply, Server};

fn client(server: &Server) -> Client {
    Client::new(&server.url).with_bearer_token("tok")
}

#[tokio::test(flavor = "current_thread")]
async fn form_body_is_url_encoded_with_arrays_repeated() {
    let server = Server::start(vec![Reply::json(200, json!({ "ok": true }))]);
    let form = types::EpisodesPublishForm {
        episode_id: "ep 1/α".into(),
        publish_at: None,
        notify_subscribers: Some(false),
        channels: Some(vec!["rss".into(), "web&app".into()]),
    };
    let done = client(&server).episodes_publish(&form).await.expect("200");
    assert!(done.ok);

    let req = server.request();
    assert_eq!((req.method.as_str(), req.target.as_str()), ("POST", "/rpc/episodes.publish"));
    assert_eq!(req.header("content-type"), Some("application/x-www-form-urlencoded"));
    // Unset fields are left out; wire names are the documented snake_case ones.
    let body = String::from_utf8(req.body.clone()).unwrap();
    assert_eq!(body, "episode_id=ep+1%2F%CE%B1&notify_subscribers=false&channels=rss&channels=web%26app");
}

#[tokio::test(flavor = "current_thread")]
async fn multipart_body_has_text_parts_and_a_file_part() {
    let server = Server::start(vec![Reply::json(201, json!({ "episode_id": "e1", "title": "Pilot", "status": "draft" }))]);
    let audio = FilePart::new("pilot.mp3", vec![0xFF, 0xFB, 0x00, 0x0D, 0x0A]).with_content_type("audio/mpeg");
    let form = types::UploadEpisodeForm {
        audio,
        title: "Pilot".into(),
        description: None,
        chapters: Some(vec!["Intro".into(), "Outro".into()]),
        explicit: Some(true),
    };
    let episode = client(&server).upload_episode("my-show", &form).await.expect("201");
    assert_eq!(episode.episode_id, "e1");

    let req = server.request();
    assert_eq!((req.method.as_str(), req.target.as_str()), ("POST", "/shows/my-show/episodes"));
    assert!(req.header("content-type").unwrap().starts_with("multipart/form-data; boundary="), "{:?}", req.header("content-type"));
    let parts = req.parts();
    let summary: Vec<(String, Vec<u8>)> = parts.iter().map(|p| (p.headers.join(" | "), p.body.clone())).collect();
    assert_eq!(
        summary,
        [
            (
                "Content-Disposition: form-data; name=\"audio\"; filename=\"pilot.mp3\" | Content-Type: audio/mpeg".to_string(),
                vec![0xFF, 0xFB, 0x00, 0x0D, 0x0A]
            ),
            ("Content-Disposition: form-data; name=\"title\"".to_string(), b"Pilot".to_vec()),
            ("Content-Disposition: form-data; name=\"chapters\"".to_string(), b"Intro".to_vec()),
            ("Content-Disposition: form-data; name=\"chapters\"".to_string(), b"Outro".to_vec()),
            ("Content-Disposition: form-data; name=\"explicit\"".to_string(), b"true".to_vec()),
        ]
    );
}

#[tokio::test(flavor = "current_thread")]
async fn text_body_and_header_parameter() {
    let server = Server::start(vec![Reply::empty(204)]);
    let options = params::ReplaceTranscriptParams::default().with_if_match("\"v7\"");
    client(&server).replace_transcript("e1", "Hello,\nworld — ünïcode", &options).await.expect("204");

    let req = server.request();
    assert_eq!((req.method.as_str(), req.target.as_str()), ("PUT", "/episodes/e1/transcript"));
    assert_eq!(req.header("content-type"), Some("text/plain; charset=utf-8"));
    assert_eq!(req.header("if-match"), Some("\"v7\""));
    assert_eq!(req.body, "Hello,\nworld — ünïcode".as_bytes());
}

#[tokio::test(flavor = "current_thread")]
async fn binary_body_is_sent_as_is() {
    let server = Server::start(vec![Reply::empty(204)]);
    let png = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF];
    client(&server).upload_artwork("e1", &png).await.expect("204");

    let req = server.request();
    assert_eq!((req.method.as_str(), req.target.as_str()), ("PUT", "/episodes/e1/artwork"));
    // The docs' `Content-Type: image/png`, not a generic octet stream.
    assert_eq!(req.header("content-type"), Some("image/png"));
    assert_eq!(req.body, png);
}

#[tokio::test(flavor = "current_thread")]
async fn text_response_is_returned_as_text_and_asked_for() {
    let server = Server::start(vec![Reply::raw(200, "text/plain; charset=utf-8", "WEBVTT\n\n00:00.000 --> 00:01.000\nHello, \"world\"")]);
    let transcript = client(&server).get_transcript("e1").await.expect("200");
    assert_eq!(transcript, "WEBVTT\n\n00:00.000 --> 00:01.000\nHello, \"world\"");
    let req = server.request();
    assert_eq!((req.method.as_str(), req.target.as_str()), ("GET", "/episodes/e1/transcript"));
    assert_eq!(req.header("accept"), Some("text/plain"));
}

#[tokio::test(flavor = "current_thread")]
async fn binary_response_asks_for_the_documented_media_type() {
    let server = Server::start(vec![Reply::raw(200, "audio/mpeg", "ID3")]);
    let audio = client(&server).download_episode_audio("e1").await.expect("200");
    assert_eq!(audio, b"ID3");
    assert_eq!(server.request().header("accept"), Some("audio/mpeg"));
}

#[tokio::test(flavor = "current_thread")]
async fn cookie_parameter_goes_in_the_cookie_header() {
    let server = Server::start(vec![Reply::empty(204), Reply::empty(204)]);
    let c = client(&server);
    c.delete_episode("e1", &params::DeleteEpisodeParams::default().with_studio_session("s3cr3t")).await.expect("204");
    c.delete_episode("e2", &Default::default()).await.expect("204");

    let reqs = server.requests();
    assert_eq!((reqs[0].method.as_str(), reqs[0].target.as_str()), ("DELETE", "/episodes/e1"));
    assert_eq!(reqs[0].header("cookie"), Some("studio_session=s3cr3t"));
    assert_eq!(reqs[1].header("cookie"), None, "an unset cookie sends no Cookie header");
    assert_eq!(reqs[1].header("authorization"), Some("Bearer tok"));
}
