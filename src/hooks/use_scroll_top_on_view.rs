//! Brings the page back to its top when the reader switches between views.

use crate::state::View;
use yew::prelude::*;

/// Scrolls to the top of the page whenever `view` changes (not on first render).
#[hook]
pub fn use_scroll_top_on_view(view: View) {
    let first = use_mut_ref(|| true);
    use_effect_with(view, move |_| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
}
