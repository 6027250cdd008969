//! Types-only output: the models and enums of three APIs, without a client. The crate
//! depending on serde, serde_json and chrono alone is the point; the tests show the types
//! work on their own (decoding, encoding, constructors).

/// Genesys Cloud users (swagger-codegen SDK docs).
pub mod purecloud {
    include!(concat!(env!("OUT_DIR"), "/purecloud.rs"));
}

/// Form and multipart bodies: their models hold `FilePart`s.
pub mod podcast {
    include!(concat!(env!("OUT_DIR"), "/podcast.rs"));
}

/// Optional nullable date-times (tests/fixtures/fern/update-profile.fern.txt).
pub mod profiles {
    include!(concat!(env!("OUT_DIR"), "/profiles.rs"));
}

#[cfg(test)]
mod tests {
    use super::{podcast, profiles, purecloud};
    use chrono::{TimeZone, Utc};
    use serde_json::json;

    #[test]
    fn constructors_take_the_required_fields() {
        let update = purecloud::types::UpdateUser::new(3);
        assert_eq!(serde_json::to_value(&update).unwrap(), json!({ "version": 3 }));
        let form = podcast::types::UploadEpisodeForm::new(podcast::FilePart::new("a.mp3", vec![1, 2]), "Pilot");
        assert_eq!((form.title.as_str(), form.description), ("Pilot", None));
    }

    #[test]
    fn parameter_enums_are_types_too() {
        let expand: purecloud::types::Expand = "presence".parse().unwrap();
        assert_eq!(serde_json::to_value(&expand).unwrap(), json!("presence"));
    }

    #[test]
    fn an_optional_nullable_field_sends_null_only_when_asked() {
        let mut request = profiles::types::UpdateProfileRequest::new("Ada");
        assert_eq!(serde_json::to_value(&request).unwrap(), json!({ "displayName": "Ada" }), "None leaves it out");
        request.archived_at = Some(None);
        assert_eq!(serde_json::to_value(&request).unwrap(), json!({ "displayName": "Ada", "archivedAt": null }), "Some(None) clears it");
        request.archived_at = Some(Some(Utc.with_ymd_and_hms(2024, 3, 1, 10, 0, 0).unwrap()));
        assert_eq!(serde_json::to_value(&request).unwrap()["archivedAt"], "2024-03-01T10:00:00Z");
    }

    #[test]
    fn decoding_then_encoding_keeps_a_null() {
        for body in [json!({ "displayName": "Ada", "archivedAt": null, "nickname": null }), json!({ "displayName": "Ada" })] {
            let decoded: profiles::types::UpdateProfileRequest = serde_json::from_value(body.clone()).unwrap();
            assert_eq!(serde_json::to_value(&decoded).unwrap(), body);
        }
        let decoded: profiles::types::UpdateProfileRequest = serde_json::from_value(json!({ "displayName": "Ada", "archivedAt": null })).unwrap();
        assert_eq!((decoded.archived_at, decoded.nickname), (Some(None), None));
    }

    #[test]
    fn date_times_without_offset_or_time_decode_as_utc() {
        let body = json!({
            "id": "p1",
            "displayName": "Ada",
            "createdAt": "2024-03-01T10:00:00",
            "archivedAt": "2024-03-02T11:30:00.250",
            "birthDate": "1990-05-23",
            "logins": ["2024-03-03T08:00:00+02:00", "2024-03-04"],
        });
        let profile: profiles::types::UpdateProfileResponse = serde_json::from_value(body).expect("lenient dates decode");
        assert_eq!(profile.created_at, Utc.with_ymd_and_hms(2024, 3, 1, 10, 0, 0).unwrap());
        assert_eq!(profile.archived_at.unwrap().unwrap().to_rfc3339(), "2024-03-02T11:30:00.250+00:00");
        assert_eq!(profile.birth_date, Some(Utc.with_ymd_and_hms(1990, 5, 23, 0, 0, 0).unwrap()));
        let logins = profile.logins.clone().unwrap();
        assert_eq!(logins, [Utc.with_ymd_and_hms(2024, 3, 3, 6, 0, 0).unwrap(), Utc.with_ymd_and_hms(2024, 3, 4, 0, 0, 0).unwrap()]);
        // Encoding is unchanged: RFC 3339 in UTC.
        let encoded = serde_json::to_value(&profile).unwrap();
        assert_eq!((encoded["createdAt"].as_str(), encoded["birthDate"].as_str()), (Some("2024-03-01T10:00:00Z"), Some("1990-05-23T00:00:00Z")));
    }

    #[test]
    fn a_date_that_is_no_date_still_fails_and_says_what_it_got() {
        let err = serde_json::from_value::<profiles::types::UpdateProfileResponse>(json!({ "id": "p1", "displayName": "Ada", "createdAt": "yesterday" }))
            .unwrap_err();
        assert!(err.to_string().contains("invalid date-time \"yesterday\""), "{err}");
    }
}
