//! The compact model file: quantised emission weights for (feature, label) pairs and transition
//! weights between labels.
//!
//! # Format (little-endian)
//!
//! ```text
//! "KNER" magic, u16 format version, u8 tag scheme (0 BIO, 1 BIOS: `Scheme`)
//! u64 template hash (features::template_hash), u64 analyser fingerprint, u32 feature-set bits
//! f32 scale (a weight is its stored integer times the scale)
//! u16 notice length, notice (UTF-8: provenance and licence of the training data)
//! (1 + LABELS) × LABELS i16 transitions (first row: from the sentence start)
//! u32 feature count F, then F LEB128 varints: each feature hash's delta from the previous one
//!     (the first from 0; features strictly increasing), then F varints: each feature's mask,
//!     bit `part × LABELS + label` set for each weight it has (at least one; each label one the
//!     scheme has), then one i8 weight per set bit, in the order of the features and their bits.
//!     A weight's key is `feature_hash << 8 | part << 4 | label`.
//! u32 label-pair entry count, then per entry: LEB128 varint of the key's delta from the previous
//!     key, i8 weight. A key is `feature_hash << 8 | pair`, keys strictly increasing, `pair` a
//!     cell `row × LABELS + to` of the transition table that the scheme allows.
//! ```
//!
//! Format 5 (issue 10) stores the emission weights by feature, as three runs (feature deltas,
//! masks, weights) that compress better than format 4's run of (key delta, weight) entries:
//! the shipped model's 558,764 weights took 16% fewer bytes gzipped. Format 4 stored each
//! emission weight with its key's delta, as the label-pair weights still are. Formats 3 and 4
//! are still read.
//!
//! Format 4 (issue 10) added the label-pair weights: features whose weights score a pair of
//! the previous label and the label, the transition into a token ([`Model::add_pair_feature`]).
//! A format 3 file reads as a model without them.
//!
//! Format 3 (issue 10) added the scheme and the labels `1 + 3 × type + kind` (`B-`, `I-`, `S-`).
//!
//! A feature has up to three parts: its shared weights (part 0) and the copies specific to each
//! training corpus (part `1 + d` for corpus `d`: 0 news, 1 Wikipedia), side by side, so that
//! tagging text of corpus `d` finds both in one place (issue 9: the copies had hashes of their
//! own, and every feature was looked up twice).
//!
//! Only non-zero weights are stored; the sorted keys are decoded once into a vector and looked up by
//! binary search ([`Model::add_feature`]), or, for the shipped model, through a [`Lookup`] table
//! per corpus built once when it is first needed (issue 9).

use rustc_hash::FxHashMap;

use crate::ner::decode::{PAIRS, PairScores, allowed};
use crate::ner::{LABELS, Scheme};

const MAGIC: &[u8; 4] = b"KNER";
const FORMAT_VERSION: u16 = 5;

/// The last format that stored each emission weight with its key's delta.
const KEYED_VERSION: u16 = 4;

/// The oldest format read (without label-pair weights).
const OLDEST_VERSION: u16 = 3;

/// Where a key's part starts (below it, the label).
const PART_SHIFT: u32 = 4;

/// A key's label bits.
const LABEL_MASK: u64 = (1 << PART_SHIFT) - 1;

/// A key of `feature`, `part` and `label` (see the module's format).
pub const fn key(feature: u32, part: usize, label: usize) -> u64 {
    (feature as u64) << 8 | (part as u64) << PART_SHIFT | label as u64
}

/// The part of a key.
const fn part_of(key: u64) -> usize {
    (key >> PART_SHIFT) as usize & 0xF
}

/// The label of a key.
const fn label_of(key: u64) -> usize {
    (key & LABEL_MASK) as usize
}

/// A key of label-pair feature `feature` and pair `pair` (a cell of the transition table; see the
/// module's format).
pub const fn pair_key(feature: u32, pair: usize) -> u64 {
    (feature as u64) << 8 | pair as u64
}

/// The parts a feature's weights come in: shared, then one per training corpus.
pub const PARTS: usize = 3;

/// A parsed NER model.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// The tag encoding the model was trained with (its labels and allowed transitions).
    pub scheme: Scheme,
    /// Hash of the feature templates the model was trained with.
    pub template_hash: u64,
    /// Fingerprint of the analysers (clitic stems, gazetteer) at training time.
    pub analyser_fingerprint: u64,
    /// The feature groups the model was trained with.
    pub feature_set: u32,
    /// What an integer weight is worth.
    pub scale: f32,
    /// Provenance and licence.
    pub notice: String,
    /// Transition weights: row 0 is from the sentence start, row `1 + a` from label `a`.
    pub transitions: Vec<i16>,
    /// Sorted keys `feature_hash << 8 | part << 4 | label` ([`key`]; see the module's format).
    pub keys: Vec<u64>,
    /// The weight of each key.
    pub weights: Vec<i8>,
    /// Sorted keys of the label-pair weights `feature_hash << 8 | pair` ([`pair_key`]).
    pub pair_keys: Vec<u64>,
    /// The weight of each label-pair key.
    pub pair_weights: Vec<i8>,
    /// The list of the training text's names its features read ([`crate::ner::seen`]), if not
    /// the shipped one: a model trained in this process keeps its own (not written to the file).
    pub seen: Option<std::sync::Arc<crate::ner::seen::Seen>>,
}

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub &'static str);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "bad NER model file: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

/// Appends `value` as a LEB128 varint.
fn push_varint(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let b = (value & 0x7F) as u8;
        value >>= 7;
        if value == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError("overflow"))?;
        let out = self
            .bytes
            .get(self.pos..end)
            .ok_or(ModelError("truncated"))?;
        self.pos = end;
        Ok(out)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let mut a = [0; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    fn varint(&mut self) -> Result<u64, ModelError> {
        let mut value: u64 = 0;
        for shift in (0..64).step_by(7) {
            let [b] = self.array::<1>()?;
            let bits = u64::from(b & 0x7F);
            // The last byte may add one bit.
            if bits >> (64 - shift).min(7) != 0 {
                return Err(ModelError("varint overflow"));
            }
            value |= bits << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(ModelError("varint too long"))
    }

    /// `n` entries of a weight table: each the varint delta of its key from the one before
    /// (keys strictly increasing, features of 28 bits), checked by `check`, then an i8 weight.
    fn entries(
        &mut self,
        n: usize,
        check: impl Fn(u64) -> Result<(), ModelError>,
    ) -> Result<(Vec<u64>, Vec<i8>), ModelError> {
        let mut keys = Vec::with_capacity(n.min(self.bytes.len()));
        let mut weights = Vec::with_capacity(n.min(self.bytes.len()));
        let mut key: u64 = 0;
        for i in 0..n {
            let delta = self.varint()?;
            if i > 0 && delta == 0 {
                return Err(ModelError("keys not increasing"));
            }
            key = key.checked_add(delta).ok_or(ModelError("key overflow"))?;
            check(key)?;
            if key >> 8 >= 1 << 28 {
                return Err(ModelError("feature out of range"));
            }
            keys.push(key);
            weights.push(i8::from_le_bytes(self.array()?));
        }
        Ok((keys, weights))
    }

    /// The emission weights of `n` features stored by feature (format 5: the features' deltas,
    /// their masks, then the weights), as sorted keys and their weights.
    fn by_feature(
        &mut self,
        n: usize,
        scheme: Scheme,
    ) -> Result<(Vec<u64>, Vec<i8>), ModelError> {
        // A feature takes at least three bytes: its delta, its mask and a weight.
        if n > self.bytes.len() - self.pos {
            return Err(ModelError("truncated"));
        }
        let mut features = Vec::with_capacity(n);
        let mut feature: u64 = 0;
        for i in 0..n {
            let delta = self.varint()?;
            if i > 0 && delta == 0 {
                return Err(ModelError("keys not increasing"));
            }
            feature = feature.checked_add(delta).ok_or(ModelError("key overflow"))?;
            if feature >= 1 << 28 {
                return Err(ModelError("feature out of range"));
            }
            features.push(feature);
        }
        let mut masks = Vec::with_capacity(n);
        let mut total = 0usize;
        for _ in 0..n {
            let mask = self.varint()?;
            if mask == 0 || mask >> (PARTS * LABELS) != 0 {
                return Err(ModelError("weight mask"));
            }
            total += mask.count_ones() as usize;
            masks.push(mask);
        }
        let weights: Vec<i8> = self.take(total)?.iter().map(|&b| i8::from_le_bytes([b])).collect();
        let mut keys = Vec::with_capacity(total);
        for (&feature, &mask) in features.iter().zip(&masks) {
            let mut bits = mask;
            while bits != 0 {
                let bit = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let (part, label) = (bit / LABELS, bit % LABELS);
                if !scheme.uses(label) {
                    return Err(ModelError("label out of range"));
                }
                keys.push(key(feature as u32, part, label));
            }
        }
        Ok((keys, weights))
    }
}

impl Model {
    /// Parses a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(4)? != MAGIC {
            return Err(ModelError("magic"));
        }
        let version = u16::from_le_bytes(r.array()?);
        if !(OLDEST_VERSION..=FORMAT_VERSION).contains(&version) {
            return Err(ModelError("format version"));
        }
        let [code] = r.array()?;
        let scheme = Scheme::from_code(code).ok_or(ModelError("tag scheme"))?;
        let template_hash = u64::from_le_bytes(r.array()?);
        let analyser_fingerprint = u64::from_le_bytes(r.array()?);
        let feature_set = u32::from_le_bytes(r.array()?);
        let scale = f32::from_le_bytes(r.array()?);
        let notice_len = usize::from(u16::from_le_bytes(r.array()?));
        let notice = std::str::from_utf8(r.take(notice_len)?)
            .map_err(|_| ModelError("notice is not UTF-8"))?
            .to_owned();
        let mut transitions = Vec::with_capacity((1 + LABELS) * LABELS);
        for _ in 0..(1 + LABELS) * LABELS {
            transitions.push(i16::from_le_bytes(r.array()?));
        }
        let n = u32::from_le_bytes(r.array()?) as usize;
        let (keys, weights) = if version > KEYED_VERSION {
            r.by_feature(n, scheme)?
        } else {
            r.entries(n, |key| {
                if !scheme.uses(label_of(key)) {
                    return Err(ModelError("label out of range"));
                }
                if part_of(key) >= PARTS {
                    return Err(ModelError("part out of range"));
                }
                Ok(())
            })?
        };
        let n = match version {
            OLDEST_VERSION => 0,
            _ => u32::from_le_bytes(r.array()?) as usize,
        };
        let (pair_keys, pair_weights) = r.entries(n, |key| {
            let pair = (key & 0xFF) as usize;
            let (row, to) = (pair / LABELS, pair % LABELS);
            if pair >= PAIRS || !allowed(scheme, row.checked_sub(1), to) {
                return Err(ModelError("label pair out of range"));
            }
            Ok(())
        })?;
        if r.pos != bytes.len() {
            return Err(ModelError("trailing bytes"));
        }
        Ok(Model {
            scheme,
            template_hash,
            analyser_fingerprint,
            feature_set,
            scale,
            notice,
            transitions,
            keys,
            weights,
            pair_keys,
            pair_weights,
            seen: None,
        })
    }

    /// Writes the model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + self.keys.len() * 3);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.push(self.scheme as u8);
        out.extend_from_slice(&self.template_hash.to_le_bytes());
        out.extend_from_slice(&self.analyser_fingerprint.to_le_bytes());
        out.extend_from_slice(&self.feature_set.to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        let notice = self.notice.as_bytes();
        let len = u16::try_from(notice.len()).unwrap_or(u16::MAX);
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&notice[..usize::from(len)]);
        for t in &self.transitions {
            out.extend_from_slice(&t.to_le_bytes());
        }
        // The emission weights by feature: the features' deltas, their masks, the weights.
        let mut features: Vec<(u64, u64)> = Vec::new();
        for &key in &self.keys {
            // A part the format lacks gets a bit the reader refuses.
            let bit = 1u64
                .checked_shl((part_of(key) * LABELS + label_of(key)) as u32)
                .unwrap_or(1 << 63);
            match features.last_mut() {
                Some((feature, mask)) if *feature == key >> 8 => *mask |= bit,
                _ => features.push((key >> 8, bit)),
            }
        }
        out.extend_from_slice(&(features.len() as u32).to_le_bytes());
        let mut prev = 0;
        for &(feature, _) in &features {
            push_varint(&mut out, feature - prev);
            prev = feature;
        }
        for &(_, mask) in &features {
            push_varint(&mut out, mask);
        }
        out.extend(self.weights.iter().map(|w| w.to_le_bytes()[0]));
        // The label-pair weights, each with its key's delta.
        out.extend_from_slice(&(self.pair_keys.len() as u32).to_le_bytes());
        let mut prev = 0;
        for (&key, &w) in self.pair_keys.iter().zip(&self.pair_weights) {
            push_varint(&mut out, key - prev);
            prev = key;
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Whether the model has label-pair weights (then [`Model::pair_scores`] is worth calling).
    pub fn has_pairs(&self) -> bool {
        !self.pair_keys.is_empty()
    }

    /// Adds the label-pair weights of `feature` (a 28-bit hash) to `scores`, one per pair.
    pub fn add_pair_feature(&self, feature: u32, scores: &mut PairScores) {
        let feature = u64::from(feature);
        let mut i = self.pair_keys.partition_point(|&k| k < feature << 8);
        while let Some(&k) = self.pair_keys.get(i) {
            if k >> 8 != feature {
                break;
            }
            // Pairs are checked when the model is read.
            if let Some(s) = scores.get_mut((k & 0xFF) as usize) {
                *s += i32::from(self.pair_weights[i]);
            }
            i += 1;
        }
    }

    /// For each token, the summed label-pair weights of its features (`features`, as
    /// [`crate::ner::features::label_pair_features`] gives them); empty when the model has none.
    pub fn pair_scores(&self, features: &[Vec<u32>]) -> Vec<PairScores> {
        if !self.has_pairs() {
            return Vec::new();
        }
        features
            .iter()
            .map(|fs| {
                let mut s = [0; PAIRS];
                for &f in fs {
                    self.add_pair_feature(f, &mut s);
                }
                s
            })
            .collect()
    }

    /// Adds the weights of `feature` (a 28-bit hash) to `scores`, one per label: its shared
    /// weights and, with a training corpus `domain`, that corpus' part.
    pub fn add_feature(&self, feature: u32, domain: Option<u8>, scores: &mut [i32; LABELS]) {
        let feature = u64::from(feature);
        let mut i = self.keys.partition_point(|&k| k < feature << 8);
        while let Some(&k) = self.keys.get(i) {
            if k >> 8 != feature {
                break;
            }
            let part = part_of(k);
            if part == 0 || domain.is_some_and(|d| usize::from(d) + 1 == part) {
                scores[label_of(k)] += i32::from(self.weights[i]);
            }
            i += 1;
        }
    }

    /// The transition weight from `from` (`None`: sentence start) to `to`.
    pub fn transition(&self, from: Option<usize>, to: usize) -> i32 {
        let row = from.map_or(0, |f| f + 1);
        i32::from(self.transitions[row * LABELS + to])
    }
}

/// The weights of one feature: a row per part (shared, then one per training corpus).
type Parts = [[i8; LABELS]; PARTS];

/// A model's features in order, each with its weights by part.
#[derive(Clone, Copy)]
struct Rows<'a> {
    keys: &'a [u64],
    weights: &'a [i8],
}

impl Iterator for Rows<'_> {
    type Item = (u32, Parts);

    fn next(&mut self) -> Option<(u32, Parts)> {
        let feature = *self.keys.first()? >> 8;
        let n = self.keys.partition_point(|&k| k >> 8 == feature);
        let mut parts = [[0; LABELS]; PARTS];
        for (&k, &w) in self.keys[..n].iter().zip(self.weights) {
            // Parts and labels are checked when the model is read.
            parts[part_of(k) % PARTS][label_of(k) % LABELS] = w;
        }
        self.keys = &self.keys[n..];
        self.weights = self.weights.get(n..).unwrap_or_default();
        // Features are checked to be 28-bit hashes when the model is read.
        Some((feature as u32, parts))
    }
}

/// The shared weights plus those of part `part`.
fn merged(parts: &Parts, part: usize) -> [i16; LABELS] {
    let mut row = parts[0].map(i16::from);
    if part != 0 {
        for (r, &w) in row.iter_mut().zip(&parts[part % PARTS]) {
            *r += i16::from(w);
        }
    }
    row
}

/// The labels a [`Lookup`] row holds: all but `O` (see [`Lookup`]).
const ROW: usize = LABELS - 1;

/// A hash table from a feature to its weights, one per label: what [`Model::add_feature`] finds
/// by binary search for one training corpus, in one or two probes (issue 9: the binary search
/// over ~400,000 keys, done ~100 times per token, was a quarter of all analysis time).
///
/// A slot holds the feature and its weights together (16 bytes, four to a cache line), so a
/// probe reads one cache line; with the weights in a second array, half of all data-cache misses
/// of an analysis were these lookups (issue 9). The weights are the shared ones plus the
/// corpus' own, summed when the table is built (issue 9: two probes per feature). Each row is
/// kept relative to its `O` weight (issue 10: the twelve other labels then fit a 16-byte slot):
/// that adds the same amount to every label of a token, which changes no tag sequence's rank
/// and no margin. The few rows beyond an i8 are kept aside in full.
///
/// Built once for a model that no longer changes (the shipped one): it copies the model's
/// weights and must be rebuilt if they change.
#[derive(Debug, Clone)]
pub struct Lookup {
    /// Open addressing, linear probing.
    slots: Vec<Slot>,
    mask: usize,
    /// The rows whose weights do not fit an i8, by feature.
    wide: FxHashMap<u32, [i16; ROW]>,
}

/// A feature (`feature + 1`, with [`WIDE`] set if its row is kept in [`Lookup::wide`]; 0 marks
/// an empty slot) and its weight per label but `O`, minus its `O` weight.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(16))]
struct Slot {
    tag: u32,
    row: [i8; ROW],
}

/// The flag of a slot's tag whose row is kept aside (features are 28-bit hashes).
const WIDE: u32 = 1 << 31;

impl Lookup {
    /// Indexes the features of `model` with their weights for training corpus `domain` (the
    /// shared weights alone without one, or for a corpus the model has no part for).
    pub fn new(model: &Model, domain: Option<u8>) -> Lookup {
        let part = domain.map_or(0, |d| usize::from(d) + 1);
        let part = if part < PARTS { part } else { 0 };
        let rows = Rows {
            keys: &model.keys,
            weights: &model.weights,
        };
        let features: Vec<(u32, [i16; ROW])> = rows
            .map(|(feature, parts)| {
                let sums = merged(&parts, part);
                (feature, std::array::from_fn(|l| sums[l + 1] - sums[0]))
            })
            .filter(|(_, row)| *row != [0; ROW])
            .collect();
        let size = (features.len() * 2).next_power_of_two().max(16);
        let mask = size - 1;
        let mut slots = vec![Slot::default(); size];
        let mut wide = FxHashMap::default();
        for (feature, relative) in features {
            let mut at = Lookup::home(feature, mask);
            while slots[at].tag != 0 {
                at = (at + 1) & mask;
            }
            let mut slot = Slot {
                tag: feature + 1,
                ..Slot::default()
            };
            let narrow = relative.map(|s| i8::try_from(s).ok());
            if narrow.iter().all(Option::is_some) {
                slot.row = narrow.map(Option::unwrap_or_default);
            } else {
                wide.insert(feature, relative);
                slot.tag |= WIDE;
            }
            slots[at] = slot;
        }
        Lookup { slots, mask, wide }
    }

    /// Adds the row of `feature` kept aside.
    #[cold]
    fn add_wide(&self, feature: u32, scores: &mut [i32; LABELS]) {
        if let Some(row) = self.wide.get(&feature) {
            for (s, &w) in scores[1..].iter_mut().zip(row) {
                *s += i32::from(w);
            }
        }
    }

    /// Feature hashes are already well mixed: the low bits pick the slot.
    fn home(feature: u32, mask: usize) -> usize {
        feature as usize & mask
    }

    /// Adds the weights of `feature` to `scores`, one per label, relative to its `O` weight:
    /// what [`Model::add_feature`] adds on the model this table was built from, minus the same
    /// amount on every label.
    pub fn add_feature(&self, feature: u32, scores: &mut [i32; LABELS]) {
        let tag = feature.wrapping_add(1);
        let mut at = Lookup::home(feature, self.mask);
        loop {
            let slot = &self.slots[at];
            if slot.tag == 0 {
                return;
            }
            if slot.tag == tag {
                for (s, &w) in scores[1..].iter_mut().zip(&slot.row) {
                    *s += i32::from(w);
                }
                return;
            }
            if slot.tag == tag | WIDE {
                self.add_wide(feature, scores);
                return;
            }
            at = (at + 1) & self.mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(keys: Vec<u64>, weights: Vec<i8>) -> Model {
        Model {
            scheme: Scheme::Bios,
            template_hash: 1,
            analyser_fingerprint: 2,
            feature_set: 3,
            scale: 0.5,
            notice: "ANERcorp".to_owned(),
            transitions: (0..(1 + LABELS) * LABELS).map(|i| i as i16 - 40).collect(),
            keys,
            weights,
            pair_keys: Vec::new(),
            pair_weights: Vec::new(),
            seen: None,
        }
    }

    #[test]
    fn round_trips() {
        let keys = vec![key(0, 0, 12), key(0, 1, 3), key(1, 2, 3), key(0x0FFF_FFFF, 2, 8)];
        let mut m = model(keys, vec![-3, 7, 100, 127]);
        let bytes = m.to_bytes();
        assert_eq!(Model::from_bytes(&bytes), Ok(m.clone()));
        assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        // Issue 10: with label-pair weights (O→O and the sentence start →S-PERS).
        m.pair_keys = vec![pair_key(5, LABELS), pair_key(5, 3), pair_key(9, LABELS)];
        m.pair_keys.sort_unstable();
        m.pair_weights = vec![4, -6, 9];
        assert_eq!(Model::from_bytes(&m.to_bytes()), Ok(m.clone()));
        let mut scores = [0; PAIRS];
        m.add_pair_feature(5, &mut scores);
        m.add_pair_feature(6, &mut scores);
        assert_eq!((scores[3], scores[LABELS], scores.iter().sum::<i32>()), (4, -6, -2));
    }

    /// `m` in format 3 or 4 (issue 10): each emission weight with its key's delta, and in
    /// format 4 the label-pair weights after them.
    fn keyed_bytes(m: &Model, version: u16) -> Vec<u8> {
        let header = 4 + 2 + 1 + 8 + 8 + 4 + 4 + 2 + m.notice.len() + 2 * (1 + LABELS) * LABELS;
        let mut out = m.to_bytes()[..header].to_vec();
        out[4..6].copy_from_slice(&version.to_le_bytes());
        let mut tables = vec![(&m.keys, &m.weights)];
        if version == KEYED_VERSION {
            tables.push((&m.pair_keys, &m.pair_weights));
        }
        for (keys, weights) in tables {
            out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
            let mut prev = 0;
            for (&key, &w) in keys.iter().zip(weights) {
                push_varint(&mut out, key - prev);
                prev = key;
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// Issue 10: a format 4 file (each emission weight with its key's delta) still reads.
    #[test]
    fn reads_format_4() {
        let mut m = model(vec![key(0, 0, 12), key(0, 1, 3), key(9, 2, 3)], vec![-3, 7, 100]);
        m.pair_keys = vec![pair_key(5, 3), pair_key(5, LABELS)];
        m.pair_weights = vec![4, -6];
        assert_eq!(Model::from_bytes(&keyed_bytes(&m, 4)), Ok(m.clone()));
    }

    /// Issue 10: a format 3 file (no label-pair weights) still reads; a pair the scheme forbids
    /// (`O` → `I-PERS`) is refused.
    #[test]
    fn reads_format_3_and_refuses_forbidden_pairs() {
        let m = model(vec![key(1, 0, 3), key(1, 2, 0), key(7, 1, 12)], vec![1, -2, 3]);
        let old = keyed_bytes(&m, 3);
        assert_eq!(Model::from_bytes(&old), Ok(m.clone()));
        let forbidden = Model {
            pair_keys: vec![pair_key(1, LABELS + 2)],
            pair_weights: vec![1],
            ..m
        };
        assert_eq!(
            Model::from_bytes(&forbidden.to_bytes()),
            Err(ModelError("label pair out of range"))
        );
    }

    /// Issue 10: a label the model's scheme lacks (or none at all) is refused.
    #[test]
    fn refuses_labels_out_of_its_scheme() {
        let ends = model(vec![key(1, 0, 3)], vec![1]);
        assert!(Model::from_bytes(&ends.to_bytes()).is_ok());
        let bio = Model {
            scheme: Scheme::Bio,
            ..ends.clone()
        };
        assert_eq!(
            Model::from_bytes(&bio.to_bytes()),
            Err(ModelError("label out of range"))
        );
        // A label beyond the labels cannot be stored (format 5 would read it as the next
        // part's first label), nor read in the format that stored each key (issue 10).
        let beyond = model(vec![key(1, 0, LABELS)], vec![1]);
        assert_ne!(Model::from_bytes(&beyond.to_bytes()), Ok(beyond.clone()));
        assert!(Model::from_bytes(&keyed_bytes(&beyond, 4)).is_err());
        let mut unknown = ends.to_bytes();
        unknown[6] = 2;
        assert_eq!(Model::from_bytes(&unknown), Err(ModelError("tag scheme")));
    }

    /// Issue 9: parts and features the format lacks are refused.
    #[test]
    fn refuses_parts_and_features_out_of_range() {
        let no_part = model(vec![key(1, 3, 0)], vec![1]);
        assert_eq!(
            Model::from_bytes(&no_part.to_bytes()),
            Err(ModelError("weight mask"))
        );
        assert!(Model::from_bytes(&keyed_bytes(&no_part, 4)).is_err());
        let too_wide = model(vec![1 << 36], vec![1]);
        assert!(Model::from_bytes(&too_wide.to_bytes()).is_err());
    }

    /// Issue 9: the lookup table of each corpus gives exactly what the binary search gives (less
    /// the `O` weight, issue 10), for features that are in the model (with any of their parts),
    /// that are not, and that collide in the table.
    #[test]
    fn lookup_agrees_with_binary_search() {
        let mut keys = Vec::new();
        let mut weights = Vec::new();
        for f in [1u64, 2, 17, 33, 0x0FFF_FFFF, 0x0FFF_FFF1] {
            for part in 0..PARTS as u64 {
                if (f + part) % 3 == 0 {
                    continue;
                }
                for label in [0, 3, 8, 12] {
                    keys.push(key(f as u32, part as usize, label));
                    // Feature 17's weights less its `O` weight are beyond an i8.
                    let w = match (f, label) {
                        (17, 0) => -100,
                        (17, _) => 100,
                        _ => (f % 50) as i8,
                    };
                    weights.push(w - label as i8 - part as i8);
                }
            }
        }
        keys.sort_unstable();
        let m = model(keys, weights);
        let m = Model::from_bytes(&m.to_bytes()).expect("a valid model");
        for domain in [None, Some(0), Some(1), Some(7)] {
            let lookup = Lookup::new(&m, domain);
            for f in [0u32, 1, 2, 3, 17, 18, 33, 49, 0x0FFF_FFFF, 0x0FFF_FFF1, 0x0FFF_FFF0] {
                let (mut a, mut b) = ([0; LABELS], [0; LABELS]);
                m.add_feature(f, domain, &mut a);
                lookup.add_feature(f, &mut b);
                // Issue 10: the lookup's rows are relative to `O`.
                let relative = a.map(|w| w - a[0]);
                assert_eq!(relative, b, "feature {f} in {domain:?}");
            }
        }
    }
}
