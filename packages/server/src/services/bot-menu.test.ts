import { describe, expect, it } from 'vitest';
import {
  buildBotMenu,
  formatBotMenu,
  helpTemplateId,
  readBotChoice,
} from './bot-menu.js';

const menu = buildBotMenu(
  ['Helios 8 kW inverter', 'Panel cleaning plan', 'Helios 8 kW inverter'],
  [{ id: 'help-panel-cleaning-plan', name: 'panel cleaning' }],
);

describe('buildBotMenu', () => {
  it('lists each product once, then talk to a person', () => {
    expect(menu.map((item) => [item.number, item.label])).toEqual([
      [1, 'Helios 8 kW inverter support'],
      [2, 'panel cleaning'],
      [3, 'talk to a person'],
    ]);
  });

  it('sends the help template when the library has one, else opens a case', () => {
    expect(menu.map((item) => item.action.kind)).toEqual([
      'open-case',
      'help-template',
      'handover',
    ]);
  });

  it('offers only talk to a person to a customer without orders', () => {
    expect(buildBotMenu([], []).map((item) => item.label)).toEqual([
      'talk to a person',
    ]);
  });

  it('formats a numbered message', () => {
    expect(formatBotMenu('Ada', menu)).toContain(
      '1 Helios 8 kW inverter support',
    );
    expect(formatBotMenu('Ada', menu)).toMatch(/^Thanks, Ada!/);
  });
});

describe('readBotChoice', () => {
  it.each([
    ['1', 1],
    [' 2. ', 2],
    ['option 3', 3],
    ['#3', 3],
    ['panel cleaning', 2],
    ['I want to talk to a person please', 3],
    ['a human', 3],
    ['9', null],
    ['hello', null],
  ])('reads %j as item %s', (reply, expected) => {
    expect(readBotChoice(reply, menu)?.number ?? null).toBe(expected);
  });
});

describe('helpTemplateId', () => {
  it('slugs the product name', () => {
    expect(helpTemplateId('Helios 8 kW Inverter')).toBe(
      'help-helios-8-kw-inverter',
    );
  });
});
