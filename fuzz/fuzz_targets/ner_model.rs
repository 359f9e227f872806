//! Fuzz target `ner_model` (issue 15): the NER model reader `Model::from_bytes` on corrupted
//! model files must return an error or a model, never panic; a model it accepts writes back to
//! bytes it reads the same way, and tags a sentence without panicking. The same for the stacked
//! document pass's reader `Stack::from_bytes` (issue 10), tagging with the shipped model.

#![no_main]

use khabar_nlp::ner::{self, model::Model, stack::Stack};
use libfuzzer_sys::fuzz_target;

const SENTENCE: [&str; 9] = [
    "قال", "الرئيس", "الروسي", "فلاديمير", "بوتين", "في", "موسكو", "يوم", "الجمعة",
];

fuzz_target!(|data: &[u8]| {
    if let Some(stack) = Stack::from_bytes(data) {
        let bytes = stack.to_bytes();
        assert_eq!(Stack::from_bytes(&bytes).as_ref(), Some(&stack), "a stack it wrote reads back");
        if let Some(model) = ner::shipped_model() {
            let document = vec![SENTENCE.to_vec(), SENTENCE[..3].to_vec()];
            let tags = ner::tag_document_stacked(model, &stack, &document, Some(0));
            assert_eq!(tags[0].len(), SENTENCE.len());
        }
    }
    let Ok(model) = Model::from_bytes(data) else {
        return;
    };
    let bytes = model.to_bytes();
    let again = Model::from_bytes(&bytes).expect("a model it wrote reads back");
    assert_eq!(again.to_bytes(), bytes, "the model writes back the same bytes");
    let tags = ner::tag_scored_with(&model, &SENTENCE);
    assert_eq!(tags.len(), SENTENCE.len());
    let tags = ner::tag_scored_in(&model, &SENTENCE, Some(1));
    assert_eq!(tags.len(), SENTENCE.len());
});
