import { LIMITS } from "@ordered/contract/client";
import { strings } from "../../strings";
import {
  addOption,
  applyPreset,
  type GroupDraft,
  groupRule,
  moveByKey,
  moveOption,
  newGroup,
  removeGroup,
  removeOption,
  updateGroup,
  updateOption,
} from "./option-groups";

interface Props {
  groups: GroupDraft[];
  onChange: (groups: GroupDraft[]) => void;
}

/** "Guests choose exactly 1." and the like, for a group's min and max as typed. */
function ruleText(group: GroupDraft): string {
  const r = strings.options.rule;
  const rule = groupRule(
    /^\d+$/.test(group.min.trim()) ? Number(group.min) : Number.NaN,
    /^\d+$/.test(group.max.trim()) ? Number(group.max) : Number.NaN,
  );
  switch (rule.kind) {
    case "exactly":
      return r.exactly(rule.n);
    case "upTo":
      return r.upTo(rule.n);
    case "between":
      return r.between(rule.min, rule.max);
    default:
      return r.invalid;
  }
}

/** The product form's option groups: groups with a rule (at least / at most) and their options, each movable. */
export function OptionGroupsEditor({ groups, onChange }: Props) {
  const s = strings.options;
  return (
    <fieldset className="form-section option-groups">
      <legend>{s.legend}</legend>
      <p className="muted small">{groups.length === 0 ? s.none : s.hint}</p>
      {groups.map((g, i) => {
        const label = s.groupN(i + 1);
        const named = g.name.trim() || label;
        const ruleId = `rule-${g.key}`;
        return (
          <fieldset key={g.key} className="option-group">
            <legend className="option-group-legend">{label}</legend>
            <div className="option-group-head">
              <label className="field">
                <span>{s.groupName}</span>
                <input
                  data-field={`group-${g.key}-name`}
                  value={g.name}
                  maxLength={LIMITS.product.optionNameLength}
                  placeholder={s.groupNamePlaceholder}
                  onChange={(e) => onChange(updateGroup(groups, g.key, { name: e.target.value }))}
                />
              </label>
              <span className="option-group-tools">
                <button
                  type="button"
                  className="button ghost small"
                  disabled={i === 0}
                  aria-label={s.moveGroupUp(named)}
                  onClick={() => onChange(moveByKey(groups, g.key, -1))}
                >
                  {s.up}
                </button>
                <button
                  type="button"
                  className="button ghost small"
                  disabled={i === groups.length - 1}
                  aria-label={s.moveGroupDown(named)}
                  onClick={() => onChange(moveByKey(groups, g.key, 1))}
                >
                  {s.down}
                </button>
                <button
                  type="button"
                  className="button ghost small danger-text"
                  aria-label={s.removeGroupLabel(named)}
                  onClick={() => onChange(removeGroup(groups, g.key))}
                >
                  {s.removeGroup}
                </button>
              </span>
            </div>
            <div className="option-rule">
              <label className="field inline">
                <span>{s.min}</span>
                <input
                  className="count-input"
                  inputMode="numeric"
                  data-field={`group-${g.key}-min`}
                  value={g.min}
                  aria-describedby={ruleId}
                  onChange={(e) => onChange(updateGroup(groups, g.key, { min: e.target.value }))}
                />
              </label>
              <label className="field inline">
                <span>{s.max}</span>
                <input
                  className="count-input"
                  inputMode="numeric"
                  data-field={`group-${g.key}-max`}
                  value={g.max}
                  aria-describedby={ruleId}
                  onChange={(e) => onChange(updateGroup(groups, g.key, { max: e.target.value }))}
                />
              </label>
              <span className="option-presets">
                <button
                  type="button"
                  className="button small"
                  aria-pressed={g.min === "1" && g.max === "1"}
                  onClick={() => onChange(groups.map((x) => (x.key === g.key ? applyPreset(x, "exactlyOne") : x)))}
                >
                  {s.presetOne}
                </button>
                <button
                  type="button"
                  className="button small"
                  aria-pressed={g.min === "0" && g.max === String(Math.max(1, g.options.length))}
                  onClick={() => onChange(groups.map((x) => (x.key === g.key ? applyPreset(x, "upToAll") : x)))}
                >
                  {s.presetUpTo(Math.max(1, g.options.length))}
                </button>
              </span>
              <span id={ruleId} className="option-rule-text muted small">
                {ruleText(g)}
              </span>
            </div>
            <div className="option-rows">
              <div className="option-row option-columns muted small" aria-hidden="true">
                <span>{s.nameColumn}</span>
                <span>{s.deltaColumn}</span>
              </div>
              {g.options.map((o, j) => (
                <div key={o.key} className={`option-row${o.available ? "" : " sold-out"}`}>
                  <input
                    className="option-name"
                    aria-label={s.optionName(j + 1)}
                    data-field={`option-${o.key}-name`}
                    value={o.name}
                    maxLength={LIMITS.product.optionNameLength}
                    placeholder={s.optionNamePlaceholder}
                    onChange={(e) => onChange(updateOption(groups, g.key, o.key, { name: e.target.value }))}
                  />
                  {/* The column headings are off on narrow screens; these words stand in for them there. */}
                  <label className="delta-field">
                    <span className="delta-label muted small" aria-hidden="true">
                      {s.deltaColumn}
                    </span>
                    <input
                      className="delta-input"
                      aria-label={s.optionDelta(j + 1)}
                      data-field={`option-${o.key}-delta`}
                      inputMode="decimal"
                      value={o.delta}
                      placeholder={s.optionDeltaPlaceholder}
                      onChange={(e) => onChange(updateOption(groups, g.key, o.key, { delta: e.target.value }))}
                    />
                  </label>
                  <label className="option-soldout">
                    <input
                      type="checkbox"
                      aria-label={s.optionSoldOut(j + 1)}
                      checked={!o.available}
                      onChange={(e) => onChange(updateOption(groups, g.key, o.key, { available: !e.target.checked }))}
                    />
                    <span aria-hidden="true">{s.soldOutColumn}</span>
                  </label>
                  <span className="option-tools">
                    <button
                      type="button"
                      className="button ghost small"
                      disabled={j === 0}
                      aria-label={s.moveOptionUp(j + 1)}
                      onClick={() => onChange(moveOption(groups, g.key, o.key, -1))}
                    >
                      {s.up}
                    </button>
                    <button
                      type="button"
                      className="button ghost small"
                      disabled={j === g.options.length - 1}
                      aria-label={s.moveOptionDown(j + 1)}
                      onClick={() => onChange(moveOption(groups, g.key, o.key, 1))}
                    >
                      {s.down}
                    </button>
                    <button
                      type="button"
                      className="button ghost small danger-text"
                      aria-label={s.removeOption(j + 1)}
                      onClick={() => onChange(removeOption(groups, g.key, o.key))}
                    >
                      {s.remove}
                    </button>
                  </span>
                </div>
              ))}
            </div>
            <button
              type="button"
              className="button small"
              disabled={g.options.length >= LIMITS.product.maxOptionsPerGroup}
              onClick={() => onChange(addOption(groups, g.key))}
            >
              {s.addOption}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button"
        disabled={groups.length >= LIMITS.product.maxOptionGroups}
        onClick={() => onChange([...groups, newGroup()])}
      >
        {s.addGroup}
      </button>
    </fieldset>
  );
}
