//! `pull --check`: what the site's changes would change in the client. The saved folder
//! and the folder as the pull would leave it are generated in memory and compared by
//! their surface (operations, parameters, fields, enum values), as `check` does.

use super::{Pull, safe_path};
use crate::Generator;
use crate::config::{ApiConfig, Input};
use crate::surface::{Surface, changes, of_module};
use std::path::Path;

/// The summary lines for `api` (the configured API whose input the pull saves into; an
/// ad-hoc API over the folder when `None`). `root` is what the API's paths are relative to.
pub fn api_changes(pull: &Pull, api: Option<&ApiConfig>, root: &Path) -> Result<Vec<String>, String> {
    let old = api.cloned().unwrap_or_else(|| ApiConfig::new("api").with_input(&pull.dir));
    let copy = std::env::temp_dir().join(format!("docs2rs-pull-check-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&copy);
    let result = (|| {
        for (file, bytes) in pull.files()? {
            let path = safe_path(&copy, &file).ok_or_else(|| format!("`{file}` is not a plain relative name"))?;
            crate::output::write_atomic(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        let mut new = old.clone();
        for input in &mut new.inputs {
            if root.join(input.path()) == pull.dir || input.path() == pull.dir {
                *input = Input::Detailed { path: copy.clone(), format: input.format() };
            }
        }
        // A first pull has no client to compare with: everything is new.
        let before = surface(&old, root).unwrap_or_default();
        Ok(changes(&before, &surface(&new, root)?))
    })();
    let _ = std::fs::remove_dir_all(&copy);
    result
}

fn surface(api: &ApiConfig, root: &Path) -> Result<Surface, String> {
    let done = Generator::new().with_root(root).with_api(api.clone()).with_lib(false).render().map_err(|e| e.to_string())?;
    Ok(of_module(&done.files, &crate::module_name(&api.name)))
}
