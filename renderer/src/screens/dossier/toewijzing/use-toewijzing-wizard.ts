import { useState } from 'react';
import type { AanbiederKeuze, Actieplan, Voorstel } from '../../../../../shared/api';
import { addMonths, parseDutchDate } from '../../../../../shared/dates';
import { useMutation, useOpvragen, useQuery } from '../../../api/hooks';
import { formatDate, lokaleDatum } from '../../../format';

/**
 * The wizard's state and its steps: choose the aanbieder, then product, volume and period (the
 * core computes the proposal), then confirm with the reasons the proposal asks for.
 */
export function useToewijzingWizard(actieplan: Actieplan, onClose: (done: boolean) => void) {
  const mutate = useMutation();
  const opvragen = useOpvragen();
  const { data: aanbieders, error: laadFout } = useQuery(
    'aanbieders.voorProfiel',
    { actieplanId: actieplan.id },
    actieplan.id,
  );
  const [stap, setStap] = useState(0);
  const [zoek, setZoek] = useState('');
  const [aanbieder, setAanbieder] = useState<AanbiederKeuze | null>(null);
  const [productId, setProductId] = useState('');
  const [volume, setVolume] = useState('2');
  const vandaag = lokaleDatum();
  const [start, setStart] = useState(formatDate(vandaag));
  const [eind, setEind] = useState(formatDate(addMonths(vandaag, 6)));
  const [voorstel, setVoorstel] = useState<Voorstel | null>(null);
  const [vierOgenReden, setVierOgenReden] = useState('');
  const [neeTenzijReden, setNeeTenzijReden] = useState('');
  const [fout, setFout] = useState<string | null>(null);

  const product = aanbieder?.producten.find((p) => p.id === productId);
  const invoer = () =>
    toewijzingInvoer(actieplan.id, aanbieder!.id, productId, volume, start, eind);

  const volgende = async () => {
    setFout(null);
    if (stap === 0) {
      if (!aanbieder) return setFout('Kies de aanbieder die het gezin wil.');
      setProductId(aanbieder.producten[0]?.id ?? '');
      return setStap(1);
    }
    if (stap === 1) {
      const t = invoer();
      if (!t) return setFout('Vul de start- en einddatum in als dd-mm-jjjj.');
      const { data, error } = await opvragen('toewijzing.voorstel', t);
      if (error) return setFout(error.message);
      setVoorstel(data!);
      return setStap(2);
    }
    const { error } = await mutate('toewijzing.aanmaken', {
      toewijzing: invoer()!,
      ...(vierOgenReden.trim() ? { vierOgenReden } : {}),
      ...(neeTenzijReden.trim() ? { neeTenzijReden } : {}),
    });
    if (error) return setFout(error.message);
    onClose(true);
  };

  return {
    aanbieders,
    laadFout,
    stap,
    setStap,
    zoek,
    setZoek,
    aanbieder,
    setAanbieder,
    productId,
    setProductId,
    volume,
    setVolume,
    start,
    setStart,
    eind,
    setEind,
    voorstel,
    vierOgenReden,
    setVierOgenReden,
    neeTenzijReden,
    setNeeTenzijReden,
    fout,
    product,
    volgende,
  };
}

/** What the core needs for a proposal or a toewijzing; null while a date is not dd-mm-jjjj. */
function toewijzingInvoer(
  actieplanId: string,
  aanbiederId: string,
  productId: string,
  volume: string,
  start: string,
  eind: string,
) {
  const startdatum = parseDutchDate(start);
  const einddatum = parseDutchDate(eind);
  if (!startdatum || !einddatum) return null;
  return { actieplanId, aanbiederId, productId, volume: Number(volume), startdatum, einddatum };
}
